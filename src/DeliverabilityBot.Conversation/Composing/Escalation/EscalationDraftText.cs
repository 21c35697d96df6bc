namespace DeliverabilityBot.Conversation.Composing.Escalation;

/// <summary>A composed draft: where it goes, subject, body, the placeholders left to fill, and the fields the receiver asks for.</summary>
/// <param name="To">An address or a form's URL.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The body.</param>
/// <param name="Placeholders">The [bracketed] texts the sender must replace.</param>
/// <param name="Asks">The fields the receiver's page asks for, each with its source.</param>
public sealed record EscalationDraftText(string To, string Subject, string Body, IReadOnlyList<string> Placeholders, IReadOnlyList<string> Asks);
