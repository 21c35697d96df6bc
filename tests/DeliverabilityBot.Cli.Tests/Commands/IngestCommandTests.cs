namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary><c>dbot ingest</c> as a separate process: what it reports on stderr.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-ingest-cli-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Ingest_BrokenDiagnosisRuleFile_NotReportedByIngestButByWhy()
    {
        // Ingest classifies but never diagnoses: a broken diagnosis rule is reported by 'why', which uses the diagnosis rules.
        var rules = Path.Combine(_folder, "rules");
        CopyFolder(DbotProcess.TestRules, rules);
        Directory.CreateDirectory(Path.Combine(rules, "diagnosis"));
        File.WriteAllText(Path.Combine(rules, "diagnosis", "broken.yaml"), "family: DIAG\nrules: [ {id: DIAG9001\n");
        var log = Path.Combine(_folder, "mail.log");
        File.WriteAllText(log, "Nov 28 05:00:00 mx1 postfix/smtp[12]: 3F2A0001: to=<u1@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: 550 5.1.1 <u1@icloud.com>: user does not exist (in reply to RCPT TO command))\n");
        var data = Path.Combine(_folder, "data");

        var ingest = DbotProcess.Run(null, "ingest", "--quiet", "--rules", rules, "--data", data, log);
        var why = DbotProcess.Run(null, "why", "--rules", rules, "--data", data, "--since", "3650d");

        Assert.True(ingest.ExitCode == 0, ingest.Err);
        Assert.Contains("Stored 1 new", ingest.Out);
        Assert.DoesNotContain("broken.yaml", ingest.Err);
        Assert.Contains("broken.yaml", why.Err);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
