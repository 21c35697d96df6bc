namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>
/// A real Postfix delivers five stories to fake iCloud and Gmail receivers; what dbot reads from the
/// log and the DSNs must match what the receivers did (they record every transaction).
/// </summary>
public sealed class PostfixRealRunTests(RealRunFixture run) : IClassFixture<RealRunFixture>
{
    public static TheoryData<string> ScenarioNames => [.. RealRunScenarios.All.Select(s => s.Name)];

    private static RealRunScenario Scenario(string name) => RealRunScenarios.All.Single(s => s.Name == name);

    private void RequirePostfix() => Postfix.PostfixAvailability.Require();

    [SkippableTheory]
    [MemberData(nameof(ScenarioNames))]
    public void IngestLog_RealRun_AttemptsEqualWhatReceiversDid(string name)
    {
        RequirePostfix();
        var scenario = Scenario(name);
        using var store = new StoreProbe([Path.Combine(run.FolderOf(scenario), "maillog")]);
        foreach (var receiver in new[] { "icloud", "gmail" })
        {
            var did = run.Result.Tally(scenario, receiver);
            var read = store.Attempts(receiver);
            var context = $"{scenario.FolderName} {receiver}: receivers did {did}; store read {read}";
            Assert.True(did.Messages > 0 || read.Attempts == 0, context);
            Assert.True(did.DeliveredAttempts == read.Delivered, context);
            Assert.True(did.DeferredAttempts == read.Deferred, context);
            Assert.True(did.BouncedAttempts + did.ExpiredMessages == read.Bounced, context);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ScenarioNames))]
    public void IngestDsns_RealRun_OneFailureEachUndeliveredMessage(string name)
    {
        RequirePostfix();
        var scenario = Scenario(name);
        var dsnDir = Path.Combine(run.FolderOf(scenario), "dsn");
        var dsnCount = Directory.GetFiles(dsnDir).Length;
        var undelivered = new[] { "icloud", "gmail" }.Sum(r => run.Result.Tally(scenario, r) is var t ? t.BouncedMessages + t.ExpiredMessages : 0);
        Assert.True(dsnCount == undelivered, $"{scenario.FolderName}: {dsnCount} DSNs for {undelivered} bounced or expired messages");
        if (dsnCount == 0) return;
        using var store = new StoreProbe([dsnDir]);
        foreach (var receiver in new[] { "icloud", "gmail" })
        {
            var did = run.Result.Tally(scenario, receiver);
            var read = store.Attempts(receiver);
            Assert.True(did.BouncedMessages + did.ExpiredMessages == read.Bounced && read.Delivered == 0,
                $"{scenario.FolderName} {receiver} DSNs: receivers did {did}; store read {read}");
        }
    }

    [SkippableFact]
    public void Run_EveryScenario_ReachedTheReceiversFromItsOwnIps()
    {
        RequirePostfix();
        foreach (var scenario in RealRunScenarios.All)
            foreach (var stream in scenario.Streams)
                Assert.True(run.Result.Transactions.Any(t => t.Client.Equals(stream.SendingIp)),
                    $"{scenario.FolderName}: no receiver saw a session from {stream.SendingIp} ({stream.Transport}); smtp_bind_address per transport did not take");
    }

    [SkippableTheory]
    [MemberData(nameof(ScenarioNames))]
    public void Why_RealRunLogAndDsns_RealCauseRanksFirst(string name)
    {
        RequirePostfix();
        var scenario = Scenario(name);
        var folder = run.FolderOf(scenario);
        using var store = new StoreProbe([Path.Combine(folder, "maillog"), Path.Combine(folder, "dsn")], Path.Combine(folder, "mta-config"));
        var report = store.Why(scenario.Receiver);
        var ranked = string.Join(", ", report.Diagnoses.Select(d => $"{d.Id} ({d.Scope}{(d.CausedBy is { } c ? ", caused by " + c.Id : "")})"));
        Assert.True(report.Diagnoses.Count > 0 && report.Diagnoses[0].Id == scenario.ExpectedTop,
            $"{scenario.FolderName}: expected {scenario.ExpectedTop} first for {scenario.Receiver}; got {ranked}");
        Assert.Null(report.Diagnoses[0].CausedBy);
        // Expiries happened only where the receivers kept deferring: where they did, they are shown as the top cause's consequence.
        var expired = run.Result.Tally(scenario, scenario.Receiver).ExpiredMessages;
        var expiry = report.Diagnoses.FirstOrDefault(d => d.Id == "DIAG1005");
        if (expired > 0)
            Assert.True(expiry?.CausedBy?.Id == scenario.ExpectedTop, $"{scenario.FolderName}: {expired} messages expired; expected DIAG1005 caused by {scenario.ExpectedTop}; got {ranked}");
        else
            Assert.True(expiry is null, $"{scenario.FolderName}: nothing expired, yet DIAG1005 fired; got {ranked}");
    }

    [SkippableTheory]
    [MemberData(nameof(ScenarioNames))]
    public void IngestWithMtaConfig_RealRun_EachAttemptHasTheIpTheReceiverSaw(string name)
    {
        RequirePostfix();
        var scenario = Scenario(name);
        var folder = run.FolderOf(scenario);
        // The log alone: a DSN joined to its log line (issue 13 item 1) is what lets the DSNs be added here too.
        using var store = new StoreProbe([Path.Combine(folder, "maillog")], Path.Combine(folder, "mta-config"));
        foreach (var receiver in new[] { "icloud", "gmail" })
        {
            var attemptsByIp = store.AttemptsByIp(receiver);
            var context = $"{scenario.FolderName} {receiver}: attempts by IP {Show(attemptsByIp)}";
            foreach (var stream in scenario.Streams)
            {
                var did = run.Result.Tally(scenario, receiver, stream.SendingIp);
                Assert.True(attemptsByIp.GetValueOrDefault(stream.SendingIp.ToString()) == did.StoreAttempts,
                    $"{context}; {stream.SendingIp} ({stream.Transport}): receivers saw {did}");
            }
            Assert.False(attemptsByIp.ContainsKey("(not recorded)"), context);
        }
    }

    private static string Show(IReadOnlyDictionary<string, long> counts) => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    [SkippableFact]
    public void Why_OneOfThreeIpsBlocked_DiagnosedAtThatIpOnly()
    {
        RequirePostfix();
        var scenario = RealRunScenarios.ProofpointOneIp;
        var folder = run.FolderOf(scenario);
        using var store = new StoreProbe([Path.Combine(folder, "maillog"), Path.Combine(folder, "dsn")], Path.Combine(folder, "mta-config"));
        var report = store.Why("icloud");
        var ranked = string.Join(", ", report.Diagnoses.Select(d => $"{d.Id} ({d.Scope})"));
        var blocked = scenario.Streams[0].SendingIp.ToString();
        var did = run.Result.Tally(scenario, "icloud", scenario.Streams[0].SendingIp);
        Assert.True(did.Messages > 0 && did.BouncedMessages == did.Messages, $"the fake should have blocked every message from {blocked}: {did}");
        Assert.True(report.Diagnoses.Count > 0 && report.Diagnoses[0].Scope == "ip:" + blocked, $"expected a diagnosis scoped to ip:{blocked} first; got {ranked}");
        foreach (var healthy in scenario.Streams.Skip(1))
            Assert.False(report.Diagnoses.Any(d => d.Scope == "ip:" + healthy.SendingIp), $"{healthy.SendingIp} delivered everything; got {ranked}");
    }

    /// <summary>The orders a team may ingest one run in: the log alone, with its DSNs either side, everything twice.</summary>
    public static TheoryData<string, string> ScenarioAndIngestOrders
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var s in RealRunScenarios.All)
                foreach (var order in new[] { "log", "log+dsn", "dsn+log", "log+dsn+log+dsn" })
                    data.Add(s.Name, order);
            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ScenarioAndIngestOrders))]
    public void IngestLogAndDsns_AnyOrderOrTwice_MessagesAndAttemptsEqualWhatReceiversDid(string name, string order)
    {
        RequirePostfix();
        var scenario = Scenario(name);
        var folder = run.FolderOf(scenario);
        var paths = order.Split('+').Select(p => Path.Combine(folder, p == "log" ? "maillog" : "dsn"))
            .Where(p => File.Exists(p) || Directory.EnumerateFileSystemEntries(p).Any()).ToArray();
        using var store = new StoreProbe(paths, Path.Combine(folder, "mta-config"));
        foreach (var receiver in new[] { "icloud", "gmail" })
        {
            var did = run.Result.Tally(scenario, receiver);
            var messages = store.Messages(receiver);
            var attempts = store.Attempts(receiver);
            var context = $"{scenario.FolderName} {receiver}, ingested {order}: receivers did {did}; store holds {messages}, attempts {attempts}";
            Assert.True(messages.Total == did.Messages && messages.Delivered == did.DeliveredMessages && messages.Bounced == did.BouncedMessages
                && messages.Expired == did.ExpiredMessages && messages.Pending == 0, context);
            // A DSN adds its evidence to the failure the log already holds, never a second failure.
            Assert.True(attempts.Delivered == did.DeliveredAttempts && attempts.Deferred == did.DeferredAttempts
                && attempts.Bounced == did.BouncedAttempts + did.ExpiredMessages, context);
            // With the DSNs joined to their log lines, every message and attempt keeps the IP the receiver saw.
            var messagesByIp = store.MessagesByIp(receiver);
            foreach (var stream in scenario.Streams)
                Assert.True(messagesByIp.GetValueOrDefault(stream.SendingIp.ToString()) == run.Result.Tally(scenario, receiver, stream.SendingIp).Messages,
                    $"{context}; messages by IP {Show(messagesByIp)}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ScenarioNames))]
    public void IngestDsnsOnly_RealRun_MessagesAreTheBouncedAndExpiredOnes(string name)
    {
        RequirePostfix();
        var scenario = Scenario(name);
        var dsnDir = Path.Combine(run.FolderOf(scenario), "dsn");
        if (!Directory.EnumerateFiles(dsnDir).Any())
        {
            // No DSN: right only when the receivers delivered every message.
            Assert.All(new[] { "icloud", "gmail" }, r => Assert.Equal(0, run.Result.Tally(scenario, r).BouncedMessages + run.Result.Tally(scenario, r).ExpiredMessages));
            return;
        }
        using var store = new StoreProbe([dsnDir]);
        foreach (var receiver in new[] { "icloud", "gmail" })
        {
            var did = run.Result.Tally(scenario, receiver);
            var messages = store.Messages(receiver);
            Assert.True(messages.Total == did.BouncedMessages + did.ExpiredMessages && messages.Bounced == did.BouncedMessages && messages.Expired == did.ExpiredMessages,
                $"{scenario.FolderName} {receiver}, DSNs only: receivers did {did}; store holds {messages}");
        }
    }
}
