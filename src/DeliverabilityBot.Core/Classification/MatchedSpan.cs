namespace DeliverabilityBot.Core.Classification;

/// <summary>What a rule condition matched: the condition, and the span of the reply text it matched.</summary>
/// <param name="Condition">The condition path in the rule, e.g. <c>match.text.regex</c> or <c>match.status</c>.</param>
/// <param name="Start">Start offset in <see cref="Smtp.SmtpReply.Text"/>, or -1 when the condition is not textual.</param>
/// <param name="Length">Length of the match, 0 when not textual.</param>
/// <param name="Value">The matched text (or the value compared, e.g. <c>5.7.1</c>).</param>
public sealed record MatchedSpan(string Condition, int Start, int Length, string Value);
