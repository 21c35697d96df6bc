using System.Globalization;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary>
/// <c>./dbot.config</c> (no <c>--config</c>, no <c>DBOT_CONFIG</c>) applies to every command that classifies or
/// diagnoses (explain, classify, eval, ingest and why, chat, ask): each is run from a folder without the file and from
/// one with <c>rule.ICL1001.severity = none</c>, and only the first may show ICL1001 (iCloud's CS01 rule, shipped), so a
/// command that built its own classifier fails here.
/// </summary>
public sealed class ConfigInWorkingDirectoryTests : IDisposable
{
    private const string Cs01 = "554 5.7.1 [CS01] Message rejected due to local policy";

    private readonly string _root = Directory.CreateTempSubdirectory("dbot-config-cwd-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    /// <summary>A working folder holding a recent CS01 bounce log and, when <paramref name="config"/>, the dbot.config.</summary>
    private string Folder(string name, bool config)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        var stamp = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(folder, "mail.log"),
            $"{stamp} mta1 postfix/qmgr[900]: 4BC123: from=<news@shop.example>, size=4000, nrcpt=1 (queue active)\n" +
            $"{stamp} mta1 postfix/smtp[2342]: 4BC123: to=<someone@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: {Cs01} (in reply to end of DATA command))\n");
        if (config) File.WriteAllText(Path.Combine(folder, "dbot.config"), "rule.ICL1001.severity = none\n");
        return folder;
    }

    /// <summary>Runs the command from both folders; the output without the config and with it.</summary>
    private (string Without, string With) Both(string name, Func<string, DbotProcess.Result> run)
    {
        var without = run(Folder(name + "-plain", config: false));
        var with = run(Folder(name + "-config", config: true));
        Assert.True(without.ExitCode == 0, $"{name} without dbot.config: exit {without.ExitCode}: {without.Err}");
        Assert.True(with.ExitCode == 0, $"{name} with dbot.config: exit {with.ExitCode}: {with.Err}");
        return (without.Out, with.Out);
    }

    private static void AssertTurnedOff((string Without, string With) outputs)
    {
        Assert.Contains("ICL1001", outputs.Without, StringComparison.Ordinal);
        Assert.DoesNotContain("ICL1001", outputs.With, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ConfigInWorkingDirectory_RuleOff() =>
        AssertTurnedOff(Both("explain", dir => DbotProcess.RunIn(dir, null, "explain", "--json", "--to", "someone@icloud.com", Cs01)));

    [Fact]
    public void Classify_ConfigInWorkingDirectory_RuleOff() =>
        AssertTurnedOff(Both("classify", dir => DbotProcess.RunIn(dir, null, "classify", "--json", Path.Combine(dir, "mail.log"))));

    [Fact]
    public void IngestThenWhy_ConfigInWorkingDirectory_RuleNeverStored() =>
        AssertTurnedOff(Both("ingest", dir =>
        {
            var data = Path.Combine(dir, "data");
            var ingest = DbotProcess.RunIn(dir, null, "ingest", "--quiet", "--data", data, Path.Combine(dir, "mail.log"));
            Assert.True(ingest.ExitCode == 0, ingest.Err);
            return DbotProcess.RunIn(dir, null, "why", "icloud", "--since", "2h", "--data", data);
        }));

    [Fact]
    public void Eval_ConfigInWorkingDirectory_ReceiverRuleNoLongerExplainsTheBounce()
    {
        var (without, with) = Both("eval", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "expected.jsonl"), "{\"file\":\"mail.log\",\"index\":1,\"reason\":\"policyviolation\"}\n");
            return DbotProcess.RunIn(dir, null, "eval", "--expected", Path.Combine(dir, "expected.jsonl"), Path.Combine(dir, "mail.log"));
        });

        Assert.Contains("expected bounces 1, found 1, extra 0", without, StringComparison.Ordinal);
        Assert.Contains("receiver rule 1/1", without, StringComparison.Ordinal);
        Assert.Contains("expected bounces 1, found 1, extra 0", with, StringComparison.Ordinal);
        Assert.Contains("receiver rule 0/1", with, StringComparison.Ordinal);
    }

    [Fact]
    public void Chat_ConfigInWorkingDirectory_RuleOff() =>
        AssertTurnedOff(Both("chat", dir => DbotProcess.RunIn(dir, $"```\n{Cs01}\n```\n", "chat", "--data", Path.Combine(dir, "data"))));

    [Fact]
    public void Ask_ConfigInWorkingDirectory_RuleOff() =>
        AssertTurnedOff(Both("ask", dir => DbotProcess.RunIn(dir, null, "ask", "--data", Path.Combine(dir, "data"), "--conversation", "cfg", $"explain {Cs01}")));
}
