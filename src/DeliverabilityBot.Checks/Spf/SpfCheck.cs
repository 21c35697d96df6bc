using System.Net;
using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks.Spf;

/// <summary>
/// A sending domain's SPF: exactly one valid record, within the lookup limits, and each of our sending IPs
/// authorised by it (check_host() with the domain's postmaster as sender, as receivers evaluate the envelope sender).
/// </summary>
public sealed class SpfCheck(IDnsResolver dns)
{
    /// <summary>Checks <paramref name="domain"/> and the IPs it should authorise.</summary>
    public async Task<CheckResult> RunAsync(string domain, IReadOnlyList<IPAddress> ips, CancellationToken ct)
    {
        var evaluator = new SpfEvaluator(dns);
        var (record, failure, why) = await evaluator.FetchAsync(domain, ct);
        var records = record is null ? [] : new[] { record.Text };
        switch (failure)
        {
            case SpfResult.TempError:
                return Result(domain, CheckStatus.Unknown, $"Could not read {domain}'s SPF record: {why}.", records);
            case SpfResult.None:
                return Result(domain, CheckStatus.Problem, $"{domain} publishes no SPF record: receivers cannot tell which servers may send for it (Gmail, Yahoo and Apple ask for SPF).", records);
            case SpfResult.PermError:
                return Result(domain, CheckStatus.Problem, $"{domain}'s SPF is a permanent error, which receivers treat like no SPF or a fail: {why}.", records);
        }
        var details = new List<string>();
        var all = record!.All;
        if (all is null && record.Redirect is null) details.Add("No 'all' at the end: unmatched senders get neutral, which protects nothing.");
        var problems = new List<string>();
        var unknown = new List<string>();
        var maxLookups = 0;
        foreach (var ip in ips)
        {
            var evaluation = await evaluator.CheckHostAsync(ip, domain, "postmaster@" + domain, ct);
            maxLookups = Math.Max(maxLookups, evaluation.Lookups);
            var line = $"{ip}: {Word(evaluation.Result)} ({evaluation.Explanation})";
            details.Add(line);
            switch (evaluation.Result)
            {
                case SpfResult.Pass: break;
                case SpfResult.TempError: unknown.Add(ip.ToString()); break;
                case SpfResult.PermError:
                    return Result(domain, CheckStatus.Problem, $"{domain}'s SPF is a permanent error, which receivers treat like no SPF or a fail: {evaluation.Explanation}.", records, details);
                default: problems.Add($"{ip} ({Word(evaluation.Result)})"); break;
            }
        }
        if (ips.Count > 0) details.Add($"DNS-querying terms used: {maxLookups} of {SpfEvaluator.LookupLimit}.");
        if (problems.Count > 0)
            return Result(domain, CheckStatus.Problem, $"{domain}'s SPF does not authorise {string.Join(", ", problems)}: mail from there fails SPF.", records, details);
        if (all is { Qualifier: '+' })
            return Result(domain, CheckStatus.Problem, $"{domain}'s SPF ends in +all, which authorises every server on the internet; receivers score that as spam-friendly.", records, details);
        if (unknown.Count > 0)
            return Result(domain, CheckStatus.Unknown, $"{domain} publishes SPF, but it could not be evaluated for {string.Join(", ", unknown)} (DNS did not answer).", records, details);
        if (maxLookups >= 9)
            return Result(domain, CheckStatus.Warning, $"{domain}'s SPF passes for our IPs but uses {maxLookups} of the 10 DNS lookups allowed: one more include makes it a permanent error.", records, details);
        var tested = ips.Count == 0 ? "no sending IP was known to test against it" : $"it authorises {(ips.Count == 1 ? ips[0].ToString() : $"all {ips.Count} of our sending IPs")}";
        return Result(domain, CheckStatus.Ok, $"{domain} publishes one valid SPF record and {tested}.", records, details);
    }

    private static string Word(SpfResult r) => r switch
    {
        SpfResult.SoftFail => "softfail",
        SpfResult.TempError => "temperror",
        SpfResult.PermError => "permerror",
        _ => r.ToString().ToLowerInvariant(),
    };

    private static CheckResult Result(string domain, CheckStatus status, string summary, IReadOnlyList<string> records, IReadOnlyList<string>? details = null) =>
        new(CheckKind.Spf, domain, status, summary) { Query = domain + " TXT", Records = records, Details = details ?? [], Source = Sources.Spf };
}
