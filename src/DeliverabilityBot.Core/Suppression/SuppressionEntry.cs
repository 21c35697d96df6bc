namespace DeliverabilityBot.Core.Suppression;

/// <summary>One recipient safe to suppress, with the evidence that makes it so.</summary>
/// <param name="Recipient">The address.</param>
/// <param name="Receiver">The receiver id.</param>
/// <param name="Reason">The Sisimai reason (<c>userunknown</c>, ...).</param>
/// <param name="LastBounce">When it last bounced.</param>
/// <param name="Reply">The reply, verbatim.</param>
/// <param name="RuleId">The primary rule, or empty.</param>
public sealed record SuppressionEntry(string Recipient, string Receiver, string Reason, DateTimeOffset LastBounce, string Reply, string RuleId);
