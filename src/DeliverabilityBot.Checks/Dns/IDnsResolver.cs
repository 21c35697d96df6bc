using System.Net;

namespace DeliverabilityBot.Checks.Dns;

/// <summary>
/// The DNS lookups the checks make. Implementations never throw for DNS trouble (a failure is a
/// <see cref="DnsOutcome.Failed"/> lookup) and bound every lookup in time; cancellation is honoured.
/// </summary>
public interface IDnsResolver
{
    /// <summary>Why this resolver cannot look anything up (no DNS server known), or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>The servers asked, for answers ("via 127.0.0.1:53").</summary>
    string Describe { get; }

    /// <summary>TXT records, each record's character-strings joined without spaces (RFC 7208 section 3.3).</summary>
    Task<DnsLookup<string>> TxtAsync(string name, CancellationToken cancellationToken);

    /// <summary>IPv4 addresses (A records).</summary>
    Task<DnsLookup<IPAddress>> AAsync(string name, CancellationToken cancellationToken);

    /// <summary>IPv6 addresses (AAAA records).</summary>
    Task<DnsLookup<IPAddress>> AaaaAsync(string name, CancellationToken cancellationToken);

    /// <summary>MX records.</summary>
    Task<DnsLookup<MxHost>> MxAsync(string name, CancellationToken cancellationToken);

    /// <summary>PTR names of an address (in-addr.arpa / ip6.arpa), without the trailing dot.</summary>
    Task<DnsLookup<string>> PtrAsync(IPAddress address, CancellationToken cancellationToken);
}
