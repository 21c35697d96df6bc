using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks;

/// <summary>
/// The sending domain's MX: it must exist and accept mail (bounces, replies and DMARC reports come back to it).
/// No MX falls back to the domain's address (RFC 5321 section 5.1); a null MX says it accepts no mail (RFC 7505),
/// and receivers may refuse mail from such a domain (X.7.27).
/// </summary>
public sealed class MxCheck(IDnsResolver dns)
{
    /// <summary>Checks <paramref name="domain"/>.</summary>
    public async Task<CheckResult> RunAsync(string domain, CancellationToken ct)
    {
        var mx = await dns.MxAsync(domain, ct);
        var query = domain + " MX";
        if (mx.IsFailed) return Result(domain, CheckStatus.Unknown, $"Could not look up {domain}'s MX: {mx.Error}.", query, [], Sources.Smtp);
        if (mx.Outcome == DnsOutcome.NoSuchName)
            return Result(domain, CheckStatus.Problem, $"{domain} does not exist in DNS: receivers refuse mail whose sender domain does not resolve (\"Sender address rejected: Domain not found\").", query, [], Sources.Smtp);
        var records = mx.Values.OrderBy(m => m.Preference).Select(m => m.ToString()).ToList();
        if (mx.Values.Any(m => m.IsNull))
            return Result(domain, CheckStatus.Problem, $"{domain} publishes a null MX (it accepts no mail): receivers may refuse mail from it (X.7.27), and bounces to it are lost.", query, records, Sources.NullMx);
        if (mx.Values.Count == 0)
        {
            var a = await dns.AAsync(domain, ct);
            var aaaa = a.Values.Count == 0 ? await dns.AaaaAsync(domain, ct) : a;
            if (a.IsFailed && aaaa.IsFailed) return Result(domain, CheckStatus.Unknown, $"{domain} has no MX and its address lookup did not answer: {a.Error}.", query, [], Sources.Smtp);
            return aaaa.Values.Count > 0
                ? Result(domain, CheckStatus.Warning, $"{domain} has no MX record; mail to it goes to its address record {aaaa.Values[0]} (RFC 5321 section 5.1), so bounces and replies depend on that host accepting mail.", query, [], Sources.Smtp)
                : Result(domain, CheckStatus.Problem, $"{domain} has no MX and no address record: bounces, replies and reports to it cannot be delivered, and some receivers refuse mail from such a domain.", query, [], Sources.Smtp);
        }
        var unresolved = new List<string>();
        foreach (var host in mx.Values.OrderBy(m => m.Preference).Take(5))
        {
            var a = await dns.AAsync(host.Exchange, ct);
            var aaaa = a.Values.Count == 0 ? await dns.AaaaAsync(host.Exchange, ct) : a;
            if (a.IsNone && aaaa.IsNone) unresolved.Add(host.Exchange);
        }
        if (unresolved.Count == mx.Values.Count)
            return Result(domain, CheckStatus.Problem, $"None of {domain}'s MX hosts resolves ({string.Join(", ", unresolved)}): mail to it cannot be delivered.", query, records, Sources.Smtp);
        if (unresolved.Count > 0)
            return Result(domain, CheckStatus.Warning, $"{domain}'s MX host{(unresolved.Count == 1 ? string.Empty : "s")} {string.Join(", ", unresolved)} do{(unresolved.Count == 1 ? "es" : string.Empty)} not resolve; the others do.", query, records, Sources.Smtp);
        return Result(domain, CheckStatus.Ok, $"{domain} has {mx.Values.Count} MX host{(mx.Values.Count == 1 ? string.Empty : "s")} that resolve ({records[0]}{(records.Count > 1 ? ", ..." : string.Empty)}).", query, records, Sources.Smtp);
    }

    private static CheckResult Result(string domain, CheckStatus status, string summary, string query, IReadOnlyList<string> records, string source) =>
        new(CheckKind.Mx, domain, status, summary) { Query = query, Records = records, Source = source };
}
