using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>An answer and what it put in focus for follow-ups (the rule behind an explained bounce, its receiver).</summary>
/// <param name="Answer">The answer.</param>
/// <param name="FocusRuleId">The rule now in focus, or null.</param>
/// <param name="FocusReceiver">The receiver the answer turned out to be about (e.g. from a pasted bounce), or null.</param>
public sealed record Composed(Answer Answer, string? FocusRuleId = null, string? FocusReceiver = null);
