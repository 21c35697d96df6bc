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

    /// <summary><c>receiver:icloud</c>, <c>ip:203.0.113.7</c>, <c>domain:example.com</c>, or <c>all</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>The receiver the scope belongs to (<c>all</c> for the overall scope).</summary>
    public required string Receiver { get; init; }

    [Metric("attempts in the scope", MetricFormat.Count)] public double Attempts { get; init; }
    [Metric("delivered attempts", MetricFormat.Count)] public double Delivered { get; init; }
    [Metric("deferred attempts", MetricFormat.Count)] public double Deferred { get; init; }
    [Metric("bounced (failed) attempts", MetricFormat.Count)] public double Bounced { get; init; }
    [Metric("delivered / attempts", MetricFormat.Rate)] public double DeliveredRate { get; init; }
    [Metric("deferred / attempts", MetricFormat.Rate)] public double DeferralRate { get; init; }
    [Metric("bounced / attempts", MetricFormat.Rate)] public double BounceRate { get; init; }
    [Metric("(deferred + bounced) / attempts", MetricFormat.Rate)] public double FailureRate { get; init; }
    [Metric("attempts in the signal", MetricFormat.Count)] public double SignalCount { get; init; }
    [Metric("signal / attempts", MetricFormat.Rate)] public double SignalRate { get; init; }
    [Metric("signal / (deferred + bounced): how much of the trouble it explains", MetricFormat.Rate)] public double SignalShare { get; init; }
    [Metric("deferred attempts in the signal", MetricFormat.Count)] public double SignalDeferred { get; init; }
    [Metric("bounced attempts in the signal", MetricFormat.Count)] public double SignalBounced { get; init; }
    [Metric("attempts in the previous window", MetricFormat.Count)] public double PreviousAttempts { get; init; }
    [Metric("signal / attempts in the previous window", MetricFormat.Rate)] public double PreviousSignalRate { get; init; }
    [Metric("signalRate minus previousSignalRate", MetricFormat.Rate)] public double SignalRateChange { get; init; }
    [Metric("failure rate in the previous window", MetricFormat.Rate)] public double PreviousFailureRate { get; init; }
    [Metric("bounce rate in the previous window", MetricFormat.Rate)] public double PreviousBounceRate { get; init; }
    [Metric("distinct sending IPs in the signal", MetricFormat.Count)] public double SendingIps { get; init; }
    [Metric("share of the signal from the busiest sending IP", MetricFormat.Rate)] public double TopIpShare { get; init; }
    [Metric("share of the signal from the busiest sender domain", MetricFormat.Rate)] public double TopSenderDomainShare { get; init; }
    [Metric("share of the signal with the most common rule set (one reply shape)", MetricFormat.Rate)] public double TopRuleShare { get; init; }
    [Metric("hours between first and last signal attempt", MetricFormat.Number)] public double DurationHours { get; init; }
    [Metric("distinct recipients in the signal (event-level)", MetricFormat.Count)] public double DistinctRecipients { get; init; }
    [Metric("share of the signal to the busiest recipient (event-level)", MetricFormat.Rate)] public double TopRecipientShare { get; init; }
    [Metric("signal attempts per distinct recipient (event-level)", MetricFormat.Number)] public double SignalPerRecipient { get; init; }
    [Metric("expiries whose message the receiver deferred before (event-level)", MetricFormat.Count)] public double ExpiredAfterDeferral { get; init; }
    [Metric("expiredAfterDeferral / signal", MetricFormat.Rate)] public double ExpiredAfterDeferralShare { get; init; }

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

    /// <summary>The rule these numbers are for.</summary>
    public required DiagnosisRule Rule { get; init; }
}
