using System.Text.Json.Nodes;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>A Teams reply: markdown text, and an Adaptive Card for diagnoses.</summary>
/// <param name="Text">Markdown text (escaped).</param>
/// <param name="Card">Adaptive Card 1.5 content, or null for a text-only answer.</param>
public sealed record TeamsMessage(string Text, JsonObject? Card);
