namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>What the bot understood from one message, before conversation context is applied.</summary>
/// <param name="Intent">An intent name (see <see cref="Intents.IntentRegistry"/>).</param>
/// <param name="Entities">What the message names.</param>
/// <param name="Text">The message with chat markup removed.</param>
/// <param name="Evidence">Pasted bounce text (a reply, log lines or a DSN) to classify, when the message carries some.</param>
/// <param name="ContextOnly">True when the message had no intent words of its own ("and gmail?"): the previous intent applies.</param>
public sealed record Utterance(string Intent, Entities Entities, string Text, string? Evidence, bool ContextOnly);
