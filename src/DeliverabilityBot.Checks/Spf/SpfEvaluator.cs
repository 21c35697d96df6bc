using System.Net;
using System.Net.Sockets;
using DeliverabilityBot.Checks.Dns;

namespace DeliverabilityBot.Checks.Spf;

/// <summary>
/// SPF's check_host() (RFC 7208 sections 4 and 5) over an <see cref="IDnsResolver"/>: record selection, every
/// mechanism (all, include, a, mx, ptr, ip4, ip6, exists), redirect=, macros, and the processing limits (10
/// DNS-querying terms, 10 MX and PTR names each, 2 void lookups) that turn a record into a permerror.
/// </summary>
public sealed class SpfEvaluator(IDnsResolver dns)
{
    /// <summary>The DNS-querying terms allowed per evaluation (section 4.6.4).</summary>
    public const int LookupLimit = 10;

    /// <summary>Lookups that may return no answer before it is a permerror (section 4.6.4).</summary>
    public const int VoidLookupLimit = 2;

    /// <summary>Evaluates <paramref name="ip"/> against <paramref name="domain"/>'s SPF policy.</summary>
    public async Task<SpfEvaluation> CheckHostAsync(IPAddress ip, string domain, string sender, CancellationToken ct)
    {
        var state = new State();
        var (result, why) = await CheckAsync(ip, domain, sender, state, 0, ct);
        return new SpfEvaluation(result, why, state.Lookups);
    }

    /// <summary>Fetches and selects <paramref name="domain"/>'s SPF record (section 4.5).</summary>
    public async Task<(SpfRecord? Record, SpfResult? Failure, string Why)> FetchAsync(string domain, CancellationToken ct)
    {
        var txt = await dns.TxtAsync(domain, ct);
        if (txt.IsFailed) return (null, SpfResult.TempError, $"TXT lookup of {domain} failed: {txt.Error}");
        var records = txt.Values.Where(SpfRecord.IsSpf).ToList();
        if (records.Count == 0) return (null, SpfResult.None, $"{domain} publishes no SPF record");
        if (records.Count > 1) return (null, SpfResult.PermError, $"{domain} publishes {records.Count} SPF records; exactly one is allowed (RFC 7208 section 4.5)");
        var record = SpfRecord.Parse(records[0]);
        return record.Error is null ? (record, null, string.Empty) : (record, SpfResult.PermError, $"{domain}: {record.Error}");
    }

    private sealed class State
    {
        public int Lookups;
        public int Voids;
    }

    private async Task<(SpfResult, string)> CheckAsync(IPAddress ip, string domain, string sender, State state, int depth, CancellationToken ct)
    {
        if (depth > LookupLimit) return (SpfResult.PermError, $"include/redirect nesting deeper than {LookupLimit} at {domain}");
        var (record, failure, why) = await FetchAsync(domain, ct);
        if (failure is { } f) return (f, why);
        var context = new SpfMacro.Context(ip, sender, domain, domain);
        foreach (var term in record!.Terms.Where(t => !t.IsModifier))
        {
            if (term.CountsAsLookup && ++state.Lookups > LookupLimit)
                return (SpfResult.PermError, $"more than {LookupLimit} DNS-querying terms (RFC 7208 section 4.6.4), reached at '{Show(term)}' in {domain}");
            var target = domain;
            if (term.Argument is not null && term.Name is not ("ip4" or "ip6"))
            {
                target = SpfMacro.Expand(term.Argument, context, out var macroError)!;
                if (macroError is not null) return (SpfResult.PermError, macroError);
            }
            var (matched, error, errorResult) = await MatchAsync(term, ip, target, sender, state, depth, ct);
            if (errorResult is { } e) return (e, error!);
            if (matched) return (term.Result, $"'{Show(term)}' in {domain}'s record matched");
        }
        if (record.Redirect is { } redirect)
        {
            if (++state.Lookups > LookupLimit) return (SpfResult.PermError, $"more than {LookupLimit} DNS-querying terms (RFC 7208 section 4.6.4), reached at redirect={redirect}");
            var target = SpfMacro.Expand(redirect, context, out var macroError);
            if (macroError is not null) return (SpfResult.PermError, macroError);
            var (result, because) = await CheckAsync(ip, target!, sender, state, depth + 1, ct);
            // A redirect to a domain without a record is a permerror (section 6.1).
            return result == SpfResult.None ? (SpfResult.PermError, $"redirect={target} has no SPF record (RFC 7208 section 6.1)") : (result, because);
        }
        return (SpfResult.Neutral, $"nothing in {domain}'s record matched and it has no 'all' (the default result is neutral)");
    }

    private async Task<(bool Matched, string? Error, SpfResult? ErrorResult)> MatchAsync(SpfTerm term, IPAddress ip, string target, string sender, State state, int depth, CancellationToken ct)
    {
        switch (term.Name)
        {
            case "all":
                return (true, null, null);
            case "ip4" or "ip6":
                var network = IPAddress.Parse(term.Argument!);
                var prefix = network.AddressFamily == AddressFamily.InterNetwork ? term.Cidr4 ?? 32 : term.Cidr6 ?? 128;
                return (InNetwork(ip, network, prefix), null, null);
            case "include":
                var (result, why) = await CheckAsync(ip, target, sender, state, depth + 1, ct);
                return result switch
                {
                    SpfResult.Pass => (true, null, null),
                    SpfResult.Fail or SpfResult.SoftFail or SpfResult.Neutral => (false, null, null),
                    SpfResult.TempError => (false, why, SpfResult.TempError),
                    // include of a domain without a record is a permerror (section 5.2).
                    SpfResult.None => (false, $"include:{target} has no SPF record (RFC 7208 section 5.2)", SpfResult.PermError),
                    _ => (false, why, SpfResult.PermError),
                };
            case "a":
                var addresses = await AddressesAsync(target, ip.AddressFamily, state, ct);
                if (addresses.Error is not null) return (false, addresses.Error, addresses.ErrorResult);
                return (addresses.Values.Any(a => InNetwork(ip, a, Prefix(term, ip))), null, null);
            case "mx":
                var mx = await dns.MxAsync(target, ct);
                if (mx.IsFailed) return (false, $"MX lookup of {target} failed: {mx.Error}", SpfResult.TempError);
                if (mx.IsNone && ++state.Voids > VoidLookupLimit) return (false, $"more than {VoidLookupLimit} void lookups (RFC 7208 section 4.6.4), at mx:{target}", SpfResult.PermError);
                if (mx.Values.Count > 10) return (false, $"mx:{target} has {mx.Values.Count} MX hosts; at most 10 may be looked up (RFC 7208 section 4.6.4)", SpfResult.PermError);
                foreach (var host in mx.Values.Where(h => !h.IsNull))
                {
                    var hostAddresses = await AddressesAsync(host.Exchange, ip.AddressFamily, state, ct);
                    if (hostAddresses.ErrorResult == SpfResult.TempError) return (false, hostAddresses.Error, SpfResult.TempError);
                    if (hostAddresses.Values.Any(a => InNetwork(ip, a, Prefix(term, ip)))) return (true, null, null);
                }
                return (false, null, null);
            case "ptr":
                // Deprecated (section 5.5) but still evaluated: a validated PTR name equal to or under the target.
                var names = await dns.PtrAsync(ip, ct);
                foreach (var name in names.Values.Take(10))
                {
                    var forward = await AddressesAsync(name, ip.AddressFamily, state, ct, countVoid: false);
                    if (forward.Values.Any(a => a.Equals(ip)) && (name == target || name.EndsWith("." + target, StringComparison.OrdinalIgnoreCase))) return (true, null, null);
                }
                return (false, null, null);
            case "exists":
                var exists = await dns.AAsync(target, ct);
                if (exists.IsFailed) return (false, $"A lookup of {target} failed: {exists.Error}", SpfResult.TempError);
                if (exists.IsNone && ++state.Voids > VoidLookupLimit) return (false, $"more than {VoidLookupLimit} void lookups (RFC 7208 section 4.6.4), at exists:{target}", SpfResult.PermError);
                return (exists.Values.Count > 0, null, null);
            default:
                return (false, $"unknown mechanism {term.Name}", SpfResult.PermError);
        }
    }

    private sealed record Addresses(IReadOnlyList<IPAddress> Values, string? Error, SpfResult? ErrorResult);

    private async Task<Addresses> AddressesAsync(string name, AddressFamily family, State state, CancellationToken ct, bool countVoid = true)
    {
        var lookup = family == AddressFamily.InterNetwork ? await dns.AAsync(name, ct) : await dns.AaaaAsync(name, ct);
        if (lookup.IsFailed) return new Addresses([], $"address lookup of {name} failed: {lookup.Error}", SpfResult.TempError);
        if (lookup.IsNone && countVoid && ++state.Voids > VoidLookupLimit)
            return new Addresses([], $"more than {VoidLookupLimit} void lookups (RFC 7208 section 4.6.4), at {name}", SpfResult.PermError);
        return new Addresses(lookup.Values, null, null);
    }

    private static int Prefix(SpfTerm term, IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetwork ? term.Cidr4 ?? 32 : term.Cidr6 ?? 128;

    private static string Show(SpfTerm t) =>
        (t.Qualifier == '+' ? string.Empty : t.Qualifier.ToString()) + t.Name + (t.Argument is null ? string.Empty : ":" + t.Argument)
        + (t.Cidr4 is { } c4 ? "/" + c4 : string.Empty) + (t.Cidr6 is { } c6 ? "//" + c6 : string.Empty);

    /// <summary>True when <paramref name="ip"/> is inside <paramref name="network"/>/<paramref name="prefix"/> (same family only).</summary>
    public static bool InNetwork(IPAddress ip, IPAddress network, int prefix)
    {
        if (ip.AddressFamily != network.AddressFamily) return false;
        var a = ip.GetAddressBytes();
        var b = network.GetAddressBytes();
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) return false;
        }
        return true;
    }
}
