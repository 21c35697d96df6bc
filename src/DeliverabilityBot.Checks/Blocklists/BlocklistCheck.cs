using System.Collections.Concurrent;
using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks.Blocklists;

/// <summary>
/// Whether an IP or domain is listed on a DNS blocklist, reading the answer as the list documents it. A list whose
/// test entry does not answer as listed through our resolver (refused, registration required, rewritten) gives
/// "unknown", never "not listed". One instance per run: it remembers each list's test answer.
/// </summary>
public sealed class BlocklistCheck(IDnsResolver dns)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _testProblems = new(StringComparer.Ordinal);

    /// <summary>Checks <paramref name="subject"/> (an IP or a domain) on <paramref name="list"/>.</summary>
    public async Task<CheckResult> RunAsync(DnsBlocklist list, string subject, CancellationToken ct)
    {
        var name = list.QueryName(subject)!;
        var answer = await dns.AAsync(name, ct);
        var label = $"{subject} on {list.Name}";
        if (answer.IsFailed) return Result(list, subject, label, CheckStatus.Unknown, $"Could not query {list.Name} for {subject}: {answer.Error}.", name, []);
        var records = answer.Values.Select(a => a.ToString()).ToList();
        var codes = answer.Values.Select(list.Interpret).ToList();
        var listings = codes.Where(c => c.IsListing).ToList();
        var errors = codes.Where(c => !c.IsListing).ToList();
        var details = codes.Select(c => $"{c.Address}: {c.Meaning}").ToList();
        if (list.Note is not null && errors.Count > 0) details.Add(list.Note);
        if (listings.Count > 0)
        {
            var reason = await dns.TxtAsync(name, ct);
            return Result(list, subject, label, CheckStatus.Problem,
                $"{subject} is listed on {list.Name}: {string.Join("; ", listings.Select(l => l.Meaning))}.", name, [.. records, .. reason.Values], details);
        }
        if (errors.Count > 0)
            return Result(list, subject, label, CheckStatus.Unknown, $"{list.Name} did not answer for {subject}: {errors[0].Meaning}.", name, records, details);
        // NXDOMAIN (or an empty answer) is "not listed", but only from a list that answers its own test entry.
        var testProblem = await TestProblemAsync(list, ct);
        if (testProblem is not null)
            return Result(list, subject, label, CheckStatus.Unknown, $"{list.Name} cannot be read through this resolver, so \"not listed\" means nothing: {testProblem}.", name, records,
                list.Note is null ? [] : [list.Note]);
        return Result(list, subject, label, CheckStatus.Ok, $"{subject} is not listed on {list.Name}.", name, records);
    }

    private Task<string?> TestProblemAsync(DnsBlocklist list, CancellationToken ct) =>
        list.TestEntry is null ? Task.FromResult<string?>(null)
            : _testProblems.GetOrAdd(list.Zone, _ => new Lazy<Task<string?>>(() => ProbeAsync(list, ct))).Value;

    private async Task<string?> ProbeAsync(DnsBlocklist list, CancellationToken ct)
    {
        var name = list.QueryName(list.TestEntry!)!;
        var answer = await dns.AAsync(name, ct);
        if (answer.IsFailed) return $"its test entry {list.TestEntry} was not answered ({answer.Error})";
        var codes = answer.Values.Select(list.Interpret).ToList();
        if (codes.Any(c => c.IsListing)) return null;
        if (codes.Count > 0) return $"its test entry {list.TestEntry} answered {codes[0].Address}, {codes[0].Meaning}";
        return $"its test entry {list.TestEntry} is not listed, though the list must always list it (RFC 5782 section 5)";
    }

    private static CheckResult Result(DnsBlocklist list, string subject, string label, CheckStatus status, string summary, string query, IReadOnlyList<string> records, IReadOnlyList<string>? details = null) =>
        new(CheckKind.Blocklist, label, status, summary)
        {
            Query = query + " A", Records = records, Details = details ?? [], Source = list.Source,
            ActionUrl = status == CheckStatus.Problem ? list.LookupFor(subject) : null,
        };
}
