using System.Net;

namespace DeliverabilityBot.Checks.Dns;

/// <summary>Counts the lookups of one run that DNS answered (records, NXDOMAIN or no data) and those that failed.</summary>
internal sealed class AnswerCountingResolver(IDnsResolver inner) : IDnsResolver
{
    private int _answered;
    private int _failed;

    /// <summary>Lookups answered by DNS, whatever the answer.</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Lookups that failed (timeout, SERVFAIL, network).</summary>
    public int Failed => Volatile.Read(ref _failed);

    public string? Unavailable => inner.Unavailable;

    public string Describe => inner.Describe;

    public Task<DnsLookup<string>> TxtAsync(string name, CancellationToken cancellationToken) => Count(inner.TxtAsync(name, cancellationToken));

    public Task<DnsLookup<IPAddress>> AAsync(string name, CancellationToken cancellationToken) => Count(inner.AAsync(name, cancellationToken));

    public Task<DnsLookup<IPAddress>> AaaaAsync(string name, CancellationToken cancellationToken) => Count(inner.AaaaAsync(name, cancellationToken));

    public Task<DnsLookup<MxHost>> MxAsync(string name, CancellationToken cancellationToken) => Count(inner.MxAsync(name, cancellationToken));

    public Task<DnsLookup<string>> PtrAsync(IPAddress address, CancellationToken cancellationToken) => Count(inner.PtrAsync(address, cancellationToken));

    private async Task<DnsLookup<T>> Count<T>(Task<DnsLookup<T>> lookup)
    {
        var result = await lookup;
        Interlocked.Increment(ref result.IsFailed ? ref _failed : ref _answered);
        return result;
    }
}
