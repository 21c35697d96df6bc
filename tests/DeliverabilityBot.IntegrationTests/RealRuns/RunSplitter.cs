using System.Text.RegularExpressions;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>
/// Tells the scenarios of one Postfix run apart: a queue id belongs to the scenario whose return path
/// qmgr logged for it (<c>QID: from=&lt;bounces@stream&gt;</c>), a DSN's queue id to the message it
/// reports on (<c>QID: sender non-delivery notification: DSNQID</c>). Lines are kept byte for byte and in
/// order; lines without a queue id (smtpd connects, master start and stop) belong to no scenario.
/// </summary>
public static partial class RunSplitter
{
    [GeneratedRegex(@"postfix[\w.-]*/[\w-]+\[\d+\]: (?<qid>[0-9A-F]{6,}): ")]
    private static partial Regex QueueIdLine();

    [GeneratedRegex(@"^from=<(?<from>[^>]*)>")]
    private static partial Regex From();

    [GeneratedRegex(@"sender (?:non-)?delivery(?: status)? notification: (?<dsn>[0-9A-F]{6,})")]
    private static partial Regex DsnNotification();

    [GeneratedRegex(@"^X-Postfix-Queue-ID: (?<qid>[0-9A-F]{6,})\s*$", RegexOptions.Multiline)]
    private static partial Regex DsnQueueId();

    /// <summary>The scenario of each queue id in the log.</summary>
    public static Dictionary<string, RealRunScenario> QueueIds(IReadOnlyList<string> log, IReadOnlyList<RealRunScenario> scenarios)
    {
        var owner = new Dictionary<string, RealRunScenario>(StringComparer.Ordinal);
        foreach (var line in log)
        {
            var m = QueueIdLine().Match(line);
            if (!m.Success) continue;
            var qid = m.Groups["qid"].Value;
            var rest = line[(m.Index + m.Length)..];
            var from = From().Match(rest);
            if (from.Success && !owner.ContainsKey(qid))
            {
                var scenario = scenarios.FirstOrDefault(s => s.StreamOf(from.Groups["from"].Value) is not null);
                if (scenario is not null) owner[qid] = scenario;
            }
            var dsn = DsnNotification().Match(rest);
            if (dsn.Success && owner.TryGetValue(qid, out var parent)) owner[dsn.Groups["dsn"].Value] = parent;
        }
        return owner;
    }

    /// <summary>The log lines of one scenario.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<string> log, Dictionary<string, RealRunScenario> owner, RealRunScenario scenario) =>
        [.. log.Where(line => QueueIdLine().Match(line) is { Success: true } m && owner.TryGetValue(m.Groups["qid"].Value, out var s) && s == scenario)];

    /// <summary>The queue id of the message a DSN reports on (its <c>X-Postfix-Queue-ID</c>), or null.</summary>
    public static string? ReportedQueueId(string dsn) => DsnQueueId().Match(dsn) is { Success: true } m ? m.Groups["qid"].Value : null;
}
