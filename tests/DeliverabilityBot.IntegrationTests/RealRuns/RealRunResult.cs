using System.Globalization;
using System.Text;
using DeliverabilityBot.IntegrationTests.FakeReceivers;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>The mail log, the DSNs and the receivers' transactions of one real run, split by scenario.</summary>
public sealed class RealRunResult(IReadOnlyList<RealRunScenario> scenarios, IReadOnlyList<string> log, IReadOnlyList<string> dsns,
    IReadOnlyList<ReceiverTransaction> transactions, DateTimeOffset started)
{
    private readonly Dictionary<string, RealRunScenario> _owner = RunSplitter.QueueIds(log, scenarios);

    /// <summary>What the run's temporary folder is called in a fixture's copy of main.cf.</summary>
    public const string FixtureRoot = "/var/lib/postfix-realrun";

    /// <summary>The whole mail log.</summary>
    public IReadOnlyList<string> Log => log;

    /// <summary>Every DSN delivered to the bounce mailbox.</summary>
    public IReadOnlyList<string> Dsns => dsns;

    /// <summary>Every transaction the fake receivers recorded.</summary>
    public IReadOnlyList<ReceiverTransaction> Transactions => transactions;

    /// <summary>When the run started.</summary>
    public DateTimeOffset Started => started;

    /// <summary>The scenario's log lines.</summary>
    public IReadOnlyList<string> LogOf(RealRunScenario scenario) => RunSplitter.Lines(log, _owner, scenario);

    /// <summary>The scenario's DSNs.</summary>
    public IReadOnlyList<string> DsnsOf(RealRunScenario scenario) =>
        [.. dsns.Where(d => RunSplitter.ReportedQueueId(d) is { } q && _owner.TryGetValue(q, out var s) && s == scenario)];

    /// <summary>What a receiver did for the scenario (all IPs, or one).</summary>
    public ReceiverTally Tally(RealRunScenario scenario, string receiver, System.Net.IPAddress? sendingIp = null) =>
        ReceiverTally.Count(scenario, receiver, receiver == "icloud" ? "icloud.com" : "gmail.com", transactions, sendingIp);

    /// <summary>
    /// Writes the scenario as a fixture folder: <c>maillog</c>, <c>dsn/NN.eml</c>, <c>receivers.yaml</c> (what the
    /// fake receivers did, per receiver and sending IP) and <c>mta-config/</c> (the instance's main.cf and master.cf).
    /// </summary>
    public void WriteFixture(RealRunScenario scenario, string folder, string configDirectory)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "maillog"), LogOf(scenario));
        var dsnDir = Path.Combine(folder, "dsn");
        Directory.CreateDirectory(dsnDir);
        var n = 0;
        foreach (var dsn in DsnsOf(scenario))
            File.WriteAllText(Path.Combine(dsnDir, $"{++n:D2}.eml"), dsn);
        var mta = Path.Combine(folder, "mta-config");
        Directory.CreateDirectory(mta);
        // The run's temporary folder is replaced by a fixed path: the fixture must not name this machine's folders.
        var root = Path.GetDirectoryName(configDirectory.TrimEnd('/'))!;
        foreach (var file in new[] { "main.cf", "master.cf" })
            File.WriteAllText(Path.Combine(mta, file), File.ReadAllText(Path.Combine(configDirectory, file)).Replace(root, FixtureRoot, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "receivers.yaml"), ReceiversYaml(scenario));
        File.WriteAllText(Path.Combine(folder, "README.md"), Readme(scenario));
    }

    private static string Readme(RealRunScenario scenario) => $$"""
        # {{scenario.FolderName}}: a captured real Postfix run

        {{scenario.Description}}.

        Captured from Postfix 3.7 (Debian bookworm) by the real-MTA integration test
        (`tests/DeliverabilityBot.IntegrationTests`, `DBOT_REALRUN_CAPTURE=DIR`): a real queue in a private
        network namespace delivering to fake receivers that answer with the reply texts of the shared facts.
        All scenarios ran in one Postfix instance; this folder holds this scenario's share.

        - `maillog`: Postfix's own log lines (postlogd) for this scenario's queue ids and their DSNs' queue ids,
          unchanged and in order; lines without a queue id (smtpd connects, master start) are left out.
        - `dsn/`: the DSNs Postfix returned to `bounces@<stream domain>` (delivered to a maildir), one per
          bounced or expired message.
        - `mta-config/`: the instance's main.cf and master.cf: one smtp transport per stream (with its own `syslog_name`), chosen by
          `sender_dependent_default_transport_maps`, with its `smtp_bind_address` (the sending IP; Postfix
          does not log it). Queue lifetimes are seconds instead of days.
        - `receivers.yaml`: what the fake receivers did (they record every transaction), per receiver and
          sending IP: messages (one per recipient) delivered, bounced, expired; attempts delivered, deferred,
          bounced. These are the figures a reading of the log and DSNs must reproduce.
        - `expect.yaml`: the scenario test's expectation (see `tests/fixtures/scenarios`).

        """ + "\n";

    private string ReceiversYaml(RealRunScenario scenario)
    {
        var text = new StringBuilder("# What the fake receivers did in this run (recorded by the receivers, not read from the log).\n");
        text.Append("# Attempts are per recipient and try; a greeting refusal is one deferred try. Messages are one per recipient.\n");
        text.Append("receivers:\n");
        foreach (var receiver in new[] { "icloud", "gmail" })
        {
            var all = Tally(scenario, receiver);
            if (all.Messages == 0) continue;
            text.Append(CultureInfo.InvariantCulture, $"  {receiver}:\n");
            AppendTally(text, "    ", all);
            text.Append("    bySendingIp:\n");
            foreach (var stream in scenario.Streams)
            {
                var one = Tally(scenario, receiver, stream.SendingIp);
                if (one.Messages == 0) continue;
                text.Append(CultureInfo.InvariantCulture, $"      \"{stream.SendingIp}\":  # {stream.Domain}, transport {stream.Transport}\n");
                AppendTally(text, "        ", one);
            }
        }
        return text.ToString();
    }

    private static void AppendTally(StringBuilder text, string indent, ReceiverTally t) =>
        text.Append(CultureInfo.InvariantCulture,
            $"{indent}messages: {{ total: {t.Messages}, delivered: {t.DeliveredMessages}, bounced: {t.BouncedMessages}, expired: {t.ExpiredMessages} }}\n" +
            $"{indent}attempts: {{ delivered: {t.DeliveredAttempts}, deferred: {t.DeferredAttempts}, bounced: {t.BouncedAttempts}, greetingRefusals: {t.GreetingRefusals} }}\n");
}
