using DeliverabilityBot.Rules.Diagnosis.Model;

namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>
/// The NRules fact for one diagnosis rule in one scope: the signal's numbers with their denominators.
/// A sealed class with reference equality, as NRules facts must be.
/// </summary>
public sealed class SignalFact
{
    /// <summary>The diagnosis rule the numbers were computed for.</summary>
    public required string RuleId { get; init; }

    /// <summary><c>receiver:icloud</c>, <c>ip:203.0.113.7</c>, <c>domain:example.com</c>, <c>stream:news</c>, or <c>all</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>The receiver the scope belongs to (<c>all</c> for the overall scope).</summary>
    public required string Receiver { get; init; }

    [Metric("attempts", MetricFormat.Count)] public double Attempts { get; init; }
    [Metric("delivered attempts", MetricFormat.Count)] public double Delivered { get; init; }
    [Metric("deferred attempts", MetricFormat.Count)] public double Deferred { get; init; }
    [Metric("bounced attempts", MetricFormat.Count)] public double Bounced { get; init; }
    [Metric("share of the attempts delivered", MetricFormat.Rate)] public double DeliveredRate { get; init; }
    [Metric("share of the attempts deferred", MetricFormat.Rate)] public double DeferralRate { get; init; }
    [Metric("share of the attempts bounced", MetricFormat.Rate)] public double BounceRate { get; init; }
    [Metric("share of the attempts deferred or bounced", MetricFormat.Rate)] public double FailureRate { get; init; }
    [Metric("attempts with these replies", MetricFormat.Count)] public double SignalCount { get; init; }
    [Metric("share of the attempts with these replies", MetricFormat.Rate)] public double SignalRate { get; init; }
    [Metric("share of all deferrals and bounces with these replies", MetricFormat.Rate)] public double SignalShare { get; init; }
    [Metric("deferrals with these replies", MetricFormat.Count)] public double SignalDeferred { get; init; }
    [Metric("bounces with these replies", MetricFormat.Count)] public double SignalBounced { get; init; }
    [Metric("attempts in the previous window", MetricFormat.Count)] public double PreviousAttempts { get; init; }
    [Metric("share of the attempts with these replies in the previous window", MetricFormat.Rate)] public double PreviousSignalRate { get; init; }
    [Metric("rise in that share since the previous window", MetricFormat.Rate)] public double SignalRateChange { get; init; }
    [Metric("share deferred or bounced in the previous window", MetricFormat.Rate)] public double PreviousFailureRate { get; init; }
    [Metric("share bounced in the previous window", MetricFormat.Rate)] public double PreviousBounceRate { get; init; }
    [Metric("sending IPs among the attempts with these replies", MetricFormat.Count)] public double SendingIps { get; init; }
    [Metric("share of these replies received by the busiest sending IP", MetricFormat.Rate)] public double TopIpShare { get; init; }
    [Metric("share of these replies received by the busiest sender domain", MetricFormat.Rate)] public double TopSenderDomainShare { get; init; }
    [Metric("share of these replies that are the same reply", MetricFormat.Rate)] public double TopRuleShare { get; init; }
    [Metric("hours between the first and the last of these replies", MetricFormat.Number)] public double DurationHours { get; init; }
    [Metric("distinct recipients of these replies", MetricFormat.Count)] public double DistinctRecipients { get; init; }
    [Metric("share of these replies for the busiest recipient", MetricFormat.Rate)] public double TopRecipientShare { get; init; }
    [Metric("replies per recipient", MetricFormat.Number)] public double SignalPerRecipient { get; init; }
    [Metric("expiries the receiver had deferred before", MetricFormat.Count)] public double ExpiredAfterDeferral { get; init; }
    [Metric("share of the expiries the receiver had deferred before", MetricFormat.Rate)] public double ExpiredAfterDeferralShare { get; init; }
    [Metric("share of all the receiver's attempts with these replies (every IP, domain and stream)", MetricFormat.Rate)] public double ReceiverSignalRate { get; init; }
    [Metric("share of the receiver's replies of this kind that came in this scope (one IP, domain or stream)", MetricFormat.Rate)] public double ScopeSignalShare { get; init; }
    [Metric("other sending IPs with attempts to the receiver", MetricFormat.Count)] public double OtherIps { get; init; }
    [Metric("share of the other sending IPs' attempts delivered", MetricFormat.Rate)] public double OtherIpsDeliveredRate { get; init; }
    [Metric("share of the sending IPs that received these replies", MetricFormat.Rate)] public double SignalIpShare { get; init; }
    [Metric("receivers that sent these replies", MetricFormat.Count)] public double SignalReceivers { get; init; }

    /// <summary>The busiest sending IP in the signal.</summary>
    public string? TopIp { get; init; }

    /// <summary>The busiest sender domain in the signal.</summary>
    public string? TopSenderDomain { get; init; }

    /// <summary>The busiest recipient, when computed.</summary>
    public string? TopRecipient { get; init; }

    /// <summary>Classification rule ids in the signal, most attempts first.</summary>
    public IReadOnlyList<string> SignalRules { get; init; } = [];

    /// <summary>Rule ids of the most common deferral before expiries, when computed.</summary>
    public string? CauseRules { get; init; }

    /// <summary>Reply of the most common deferral before expiries, when computed.</summary>
    public string? CauseReply { get; init; }

    /// <summary>Store ids of the rule sets in the signal (for examples).</summary>
    public IReadOnlyList<long> RuleSetIds { get; init; } = [];

    /// <summary>First signal attempt.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Last signal attempt.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The sending IP the scope is about (IP scopes).</summary>
    public string? ScopeIp { get; init; }

    /// <summary>Receivers that sent the signal's replies, most attempts first.</summary>
    public IReadOnlyList<string> SignalReceiverIds { get; init; } = [];

    /// <summary>Filters named in the signal's replies, most attempts first.</summary>
    public IReadOnlyList<string> SignalFilters { get; init; } = [];

    /// <summary>
    /// Messages (recipients of queued messages) the signal touched: affected messages in the scope whose trouble rule set
    /// (bounce, or last deferral) is one the signal's attempts matched. Null when the diagnosis input carries no message
    /// rows, and the ranking falls back to <see cref="SignalCount"/> (see <see cref="Engine.DiagnosisRanking"/>).
    /// </summary>
    public double? SignalMessages { get; init; }

    /// <summary>Messages first seen in the window in the scope; null when the diagnosis input carries no message rows.</summary>
    public double? Messages { get; init; }

    /// <summary>The rule these numbers are for.</summary>
    public required DiagnosisRule Rule { get; init; }
}
