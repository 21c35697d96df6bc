using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Checks.Domain;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks.Dmarc;

/// <summary>
/// A sending domain's DMARC policy: <c>_dmarc.domain</c>, falling back to the organizational domain (RFC 7489 section
/// 6.6.3); exactly one valid record. <c>p=none</c> meets the bulk-sender minimums of Gmail, Yahoo and Microsoft.
/// </summary>
public sealed class DmarcCheck(IDnsResolver dns)
{
    /// <summary>Checks <paramref name="domain"/>.</summary>
    public async Task<CheckResult> RunAsync(string domain, CancellationToken ct)
    {
        var name = "_dmarc." + domain;
        var (records, failed) = await FetchAsync(name, ct);
        var details = new List<string>();
        var org = DomainNames.Organizational(domain);
        if (failed is null && records.Count == 0 && org != domain)
        {
            details.Add($"No record at {name}; the organizational domain's policy at _dmarc.{org} applies.");
            name = "_dmarc." + org;
            (records, failed) = await FetchAsync(name, ct);
        }
        if (failed is not null) return Result(domain, name, CheckStatus.Unknown, $"Could not look up {name}: {failed}.", records, details);
        if (records.Count == 0)
            return Result(domain, name, CheckStatus.Problem, $"{domain} publishes no DMARC policy: Gmail, Yahoo and Microsoft require one (p=none at least) from bulk senders, and Apple asks for one.", records, details);
        if (records.Count > 1)
            return Result(domain, name, CheckStatus.Problem, $"{name} holds {records.Count} DMARC records: receivers then apply no DMARC at all (RFC 7489 section 6.6.3).", records, details);
        var record = DmarcRecord.Parse(records[0]);
        if (record.Error is not null && record.Policy is null)
            return Result(domain, name, CheckStatus.Problem, $"{domain}'s DMARC record is invalid: {record.Error}.", records, details);
        if (record.Error is not null) details.Add($"Invalid tag: {record.Error}.");
        details.Add(record.AggregateReports is null
            ? "No rua=: no aggregate reports are sent anywhere, so failures at receivers go unseen."
            : $"Aggregate reports go to {record.AggregateReports}.");
        if (record.Percent < 100) details.Add($"pct={record.Percent}: the policy applies to {record.Percent}% of failing mail.");
        if (record.DkimAlignment == "s" || record.SpfAlignment == "s")
            details.Add($"Strict alignment (adkim={record.DkimAlignment}, aspf={record.SpfAlignment}): DKIM d= or the envelope domain must equal the From domain exactly, not just share it.");
        var summary = record.Policy switch
        {
            "none" => $"{domain} publishes DMARC p=none: enough for Gmail, Yahoo and Microsoft's bulk rules, but failing mail is not quarantined or rejected.",
            _ => $"{domain} publishes DMARC p={record.Policy}: mail that fails both aligned SPF and DKIM is {(record.Policy == "reject" ? "rejected" : "sent to spam")} at receivers that honour it.",
        };
        return Result(domain, name, record.Error is null ? CheckStatus.Ok : CheckStatus.Warning, summary, records, details);
    }

    private async Task<(List<string> Records, string? Failed)> FetchAsync(string name, CancellationToken ct)
    {
        var txt = await dns.TxtAsync(name, ct);
        return txt.IsFailed ? ([], txt.Error) : (txt.Values.Where(DmarcRecord.IsDmarc).ToList(), null);
    }

    private static CheckResult Result(string domain, string name, CheckStatus status, string summary, IReadOnlyList<string> records, IReadOnlyList<string> details) =>
        new(CheckKind.Dmarc, domain, status, summary) { Query = name + " TXT", Records = records, Details = details, Source = Sources.Dmarc };
}
