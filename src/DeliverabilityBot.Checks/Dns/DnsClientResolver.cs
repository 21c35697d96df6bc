using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace DeliverabilityBot.Checks.Dns;

/// <summary>
/// <see cref="IDnsResolver"/> over DnsClient's <see cref="LookupClient"/>: the configured name servers
/// (<c>Checks:NameServers</c>) or the system's, a timeout per attempt and a bounded number of retries, answers cached
/// for their TTL. Never falls back to a public resolver (Spamhaus refuses those, and the operator chose the servers).
/// </summary>
public sealed class DnsClientResolver : IDnsResolver
{
    private readonly LookupClient? _client;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the resolver; <paramref name="servers"/> empty takes the system's name servers.</summary>
    public DnsClientResolver(IReadOnlyList<IPEndPoint> servers, TimeSpan timeout, int retries)
    {
        _timeout = timeout;
        IReadOnlyList<NameServer> nameServers;
        try
        {
            nameServers = servers.Count > 0
                ? servers.Select(s => new NameServer(s)).ToList()
                : NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false).ToList();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or SocketException)
        {
            nameServers = [];
            Unavailable = $"no DNS server could be read from the system's settings ({ex.Message}); set Checks:NameServers";
        }
        if (nameServers.Count == 0)
        {
            Unavailable ??= "no DNS server is configured (Checks:NameServers) and the system's settings name none";
            Describe = "no DNS server";
            return;
        }
        Describe = string.Join(", ", nameServers.Select(n => n.Address.Contains(':', StringComparison.Ordinal) ? $"[{n.Address}]:{n.Port}" : $"{n.Address}:{n.Port}"));
        _client = new LookupClient(new LookupClientOptions(nameServers.ToArray())
        {
            Timeout = timeout,
            Retries = retries,
            UseCache = true,
            ThrowDnsErrors = false,
            UseTcpFallback = true,
            ContinueOnDnsError = true,
            ContinueOnEmptyResponse = false,
        });
    }

    /// <inheritdoc />
    public string? Unavailable { get; }

    /// <inheritdoc />
    public string Describe { get; }

    /// <inheritdoc />
    public async Task<DnsLookup<string>> TxtAsync(string name, CancellationToken cancellationToken)
    {
        var (response, failed) = await QueryAsync(name, QueryType.TXT, cancellationToken);
        return failed ?? Lookup(response!, r => r.Answers.TxtRecords().Select(t => string.Concat(t.Text)).ToList());
    }

    /// <inheritdoc />
    public async Task<DnsLookup<IPAddress>> AAsync(string name, CancellationToken cancellationToken)
    {
        var (response, failed) = await QueryAsync(name, QueryType.A, cancellationToken);
        return failed?.Empty<IPAddress>() ?? Lookup(response!, r => r.Answers.ARecords().Select(a => a.Address).ToList());
    }

    /// <inheritdoc />
    public async Task<DnsLookup<IPAddress>> AaaaAsync(string name, CancellationToken cancellationToken)
    {
        var (response, failed) = await QueryAsync(name, QueryType.AAAA, cancellationToken);
        return failed?.Empty<IPAddress>() ?? Lookup(response!, r => r.Answers.AaaaRecords().Select(a => a.Address).ToList());
    }

    /// <inheritdoc />
    public async Task<DnsLookup<MxHost>> MxAsync(string name, CancellationToken cancellationToken)
    {
        var (response, failed) = await QueryAsync(name, QueryType.MX, cancellationToken);
        return failed?.Empty<MxHost>() ?? Lookup(response!, r => r.Answers.MxRecords().Select(m => new MxHost(m.Preference, Host(m.Exchange.Value))).ToList());
    }

    /// <inheritdoc />
    public async Task<DnsLookup<string>> PtrAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var (response, failed) = await QueryAsync(address.GetArpaName(), QueryType.PTR, cancellationToken);
        return failed ?? Lookup(response!, r => r.Answers.PtrRecords().Select(p => Host(p.PtrDomainName.Value)).ToList());
    }

    private static string Host(string dnsName) => dnsName.TrimEnd('.').ToLowerInvariant();

    private static DnsLookup<T> Lookup<T>(IDnsQueryResponse response, Func<IDnsQueryResponse, List<T>> values)
    {
        var code = response.Header.ResponseCode;
        if (code == DnsHeaderResponseCode.NotExistentDomain) return DnsLookup<T>.NoSuchName;
        if (code != DnsHeaderResponseCode.NoError) return DnsLookup<T>.Fail($"the DNS server answered {CodeName(code)}");
        return DnsLookup<T>.Of(values(response));
    }

    private static string CodeName(DnsHeaderResponseCode code) => code switch
    {
        DnsHeaderResponseCode.ServerFailure => "SERVFAIL",
        DnsHeaderResponseCode.Refused => "REFUSED",
        DnsHeaderResponseCode.FormatError => "FORMERR",
        DnsHeaderResponseCode.NotImplemented => "NOTIMP",
        _ => code.ToString(),
    };

    private async Task<(IDnsQueryResponse? Response, DnsLookup<string>? Failed)> QueryAsync(string name, QueryType type, CancellationToken ct)
    {
        if (_client is null) return (null, DnsLookup<string>.Fail(Unavailable!));
        try
        {
            var response = await _client.QueryAsync(name, type, QueryClass.IN, ct);
            return (response, null);
        }
        catch (DnsResponseException) when (ct.IsCancellationRequested)
        {
            // DnsClient reports a cancelled query as a timeout: the caller's cancellation wins.
            throw new OperationCanceledException(ct);
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout)
        {
            return (null, DnsLookup<string>.Fail($"no answer from {Describe} within {_timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"));
        }
        catch (DnsResponseException ex)
        {
            return (null, DnsLookup<string>.Fail($"{type} lookup of {name} failed: {ex.Message}"));
        }
        catch (SocketException ex)
        {
            return (null, DnsLookup<string>.Fail($"{type} lookup of {name} failed: {ex.Message}"));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, DnsLookup<string>.Fail($"no answer from {Describe} within {_timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"));
        }
    }
}
