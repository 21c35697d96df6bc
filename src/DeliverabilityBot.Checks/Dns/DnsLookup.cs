namespace DeliverabilityBot.Checks.Dns;

/// <summary>The result of one DNS lookup: how it ended, the records, and the error when it failed.</summary>
/// <typeparam name="T">The record value type.</typeparam>
/// <param name="Outcome">How the lookup ended.</param>
/// <param name="Values">The records (empty unless <see cref="DnsOutcome.Answered"/>).</param>
/// <param name="Error">What went wrong, for <see cref="DnsOutcome.Failed"/> ("timed out after 2 s", "SERVFAIL").</param>
public sealed record DnsLookup<T>(DnsOutcome Outcome, IReadOnlyList<T> Values, string? Error = null)
{
    /// <summary>True when the name or the records do not exist (NXDOMAIN or no data): a definite "none".</summary>
    public bool IsNone => Outcome is DnsOutcome.NoSuchName or DnsOutcome.NoData;

    /// <summary>True when the lookup failed and nothing can be said.</summary>
    public bool IsFailed => Outcome == DnsOutcome.Failed;

    /// <summary>An answer with records (no records makes it <see cref="DnsOutcome.NoData"/>).</summary>
    public static DnsLookup<T> Of(IReadOnlyList<T> values) => new(values.Count == 0 ? DnsOutcome.NoData : DnsOutcome.Answered, values);

    /// <summary>NXDOMAIN.</summary>
    public static DnsLookup<T> NoSuchName { get; } = new(DnsOutcome.NoSuchName, []);

    /// <summary>A failed lookup.</summary>
    public static DnsLookup<T> Fail(string error) => new(DnsOutcome.Failed, [], error);

    /// <summary>The same outcome with values of another type (for failures and absences).</summary>
    public DnsLookup<TOther> Empty<TOther>() => new(Outcome == DnsOutcome.Answered ? DnsOutcome.NoData : Outcome, [], Error);
}
