namespace DeliverabilityBot.Core.Checks;

/// <summary>What to check: our sending IPs and domains, DKIM selectors, and which kinds of check.</summary>
public sealed record CheckRequest
{
    /// <summary>Sending IPs (IPv4 or IPv6): reverse DNS, IP blocklists, SPF authorisation.</summary>
    public IReadOnlyList<string> Ips { get; init; } = [];

    /// <summary>Sending domains: SPF, DMARC, MX, domain blocklists, DKIM with <see cref="DkimSelectors"/>.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>DKIM keys to look up, each a signing domain (<c>d=</c>) and selector (<c>s=</c>).</summary>
    public IReadOnlyList<DkimSelector> DkimSelectors { get; init; } = [];

    /// <summary>Only the blocklists whose zone or name contains one of these (case-insensitive, "spamhaus"); empty: every list.</summary>
    public IReadOnlyList<string> Blocklists { get; init; } = [];

    /// <summary>The kinds to run; empty runs every kind.</summary>
    public IReadOnlySet<CheckKind> Kinds { get; init; } = new HashSet<CheckKind>();

    /// <summary>True when <paramref name="kind"/> is asked for.</summary>
    public bool Wants(CheckKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);
}

/// <summary>A DKIM key location: signing domain and selector (RFC 6376 section 3.6.2.1).</summary>
/// <param name="Domain">The <c>d=</c> domain.</param>
/// <param name="Selector">The <c>s=</c> selector.</param>
/// <param name="Origin">Where it was found ("asked", "pasted DKIM-Signature", "configured").</param>
public sealed record DkimSelector(string Domain, string Selector, string Origin)
{
    /// <summary>The name the key is published at.</summary>
    public string QueryName => $"{Selector}._domainkey.{Domain}";
}
