namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>A webhook body that is not the provider's documented shape (not JSON, not the expected array or object).</summary>
public sealed class EspPayloadException(string message, Exception? inner = null) : FormatException(message, inner);
