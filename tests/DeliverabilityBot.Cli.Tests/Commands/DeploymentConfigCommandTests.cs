namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary>The deployment config (<c>--config</c>, <c>DBOT_CONFIG</c>) applies to classify as it does to explain.</summary>
public sealed class DeploymentConfigCommandTests : IDisposable
{
    private const string Cs01Line = "Nov 28 10:00:00 mx1 postfix/smtp[2342]: 4BC123: to=<someone@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: 554 5.7.1 [CS01] Message rejected due to local policy (in reply to end of DATA command))";

    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-config-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Log, string Config) Write(string configText)
    {
        var log = Path.Combine(_folder, "mail.log");
        File.WriteAllText(log, Cs01Line + "\n");
        var config = Path.Combine(_folder, "dbot.config");
        File.WriteAllText(config, configText);
        return (log, config);
    }

    [Fact]
    public void ClassifyJson_ConfigTurnsRuleOff_RuleAbsent()
    {
        var (log, config) = Write("rule.ICL1001.severity = none\n");

        var without = DbotProcess.Run(null, "classify", "--json", "--rules", DbotProcess.TestRules, log);
        var with = DbotProcess.Run(null, "classify", "--json", "--rules", DbotProcess.TestRules, "--config", config, log);

        Assert.Equal(0, without.ExitCode);
        Assert.Contains("\"ICL1001\"", without.Out, StringComparison.Ordinal);
        Assert.Equal(0, with.ExitCode);
        Assert.DoesNotContain("\"ICL1001\"", with.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassifyJson_ConfigFromEnvironment_Applied()
    {
        var (log, config) = Write("rule.ICL1001.severity = none\n");

        var run = DbotProcess.Run(null, new Dictionary<string, string?> { ["DBOT_CONFIG"] = config }, "classify", "--json", "--rules", DbotProcess.TestRules, log);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\"ICL1001\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ConfigMalformed_ErrorNamedOnStderrAndStillClassifies()
    {
        var (log, config) = Write("rule.ICL1001.severity = loud\n");

        var run = DbotProcess.Run(null, "classify", "--json", "--rules", DbotProcess.TestRules, "--config", config, log);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dbot.config(1,25): error DBR0301", run.Err, StringComparison.Ordinal);
        Assert.Contains("\"ICL1001\"", run.Out, StringComparison.Ordinal);
    }
}
