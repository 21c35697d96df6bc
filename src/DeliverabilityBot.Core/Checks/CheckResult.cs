namespace DeliverabilityBot.Core.Checks;

/// <summary>The outcome of one DNS check, with what was looked up and the document that says what it means.</summary>
/// <param name="Kind">What was checked.</param>
/// <param name="Subject">What it was checked for: a domain, an IP, <c>selector._domainkey.domain</c>, or <c>IP on zone</c>.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Summary">One sentence saying the verdict and why.</param>
public sealed record CheckResult(CheckKind Kind, string Subject, CheckStatus Status, string Summary)
{
    /// <summary>The name queried (<c>_dmarc.example.com</c>, <c>7.113.0.203.zen.spamhaus.org</c>).</summary>
    public string? Query { get; init; }

    /// <summary>What DNS answered, verbatim (record text, return codes), for evidence.</summary>
    public IReadOnlyList<string> Records { get; init; } = [];

    /// <summary>Further findings (each one line).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The specification or operator page the interpretation follows.</summary>
    public string? Source { get; init; }

    /// <summary>Where to look up or request removal (a blocklist's lookup page), when there is one.</summary>
    public string? ActionUrl { get; init; }
}
