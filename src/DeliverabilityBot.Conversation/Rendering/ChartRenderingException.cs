namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>A chart could not be drawn; the message says why and what to install or change.</summary>
public sealed class ChartRenderingException(string message, Exception? inner = null) : Exception(message, inner);
