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

    [Fact]
    public void Ingest_MtaConfigWithPerTransportBindAddress_StatsBySendingIp()
    {
        var config = Path.Combine(_folder, "postfix");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "main.cf"), "smtp_bind_address = 203.0.113.5\n");
        File.WriteAllText(Path.Combine(config, "master.cf"), "smtp unix - - y - - smtp\nicloud unix - - y - - smtp\n  -o syslog_name=postfix-icloud\n  -o smtp_bind_address=203.0.113.7\n");
        var log = Path.Combine(_folder, "mail.log");
        File.WriteAllText(log,
            "Nov 28 04:59:59 mx1 postfix-icloud/qmgr[11]: 3F2A0001: from=<news@news.example>, size=2100, nrcpt=1 (queue active)\n" +
            "Nov 28 05:00:00 mx1 postfix-icloud/smtp[12]: 3F2A0001: to=<u1@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx01.mail.icloud.com[17.57.154.6] said: 421 4.7.0 Deferred (in reply to RCPT TO command))\n" +
            "Nov 28 05:00:01 mx1 postfix/smtp[13]: 3F2A0002: to=<u2@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK  1764307200 a1si4242.1 - gsmtp)\n");
        var data = Path.Combine(_folder, "data");

        var ingest = DbotProcess.Run(null, "ingest", "--quiet", "--data", data, "--mta-config", config, log);
        var stats = DbotProcess.Run(null, "stats", "--data", data, "--since", "3650d");

        Assert.True(ingest.ExitCode == 0, ingest.Err);
        Assert.Contains("203.0.113.7", stats.Out);
        Assert.Contains("203.0.113.5", stats.Out);
        Assert.Contains("news.example", stats.Out);
        Assert.Equal(1, stats.Out.Split('\n').Count(l => l.StartsWith("(not recorded)", StringComparison.Ordinal))); // one sender unknown, no IP unknown
    }

    [Fact]
    public void Ingest_MalformedMasterCf_ExitTwoNamingFileAndLineAndNothingStored()
    {
        var config = Path.Combine(_folder, "postfix");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "main.cf"), "smtp_bind_address = 203.0.113.5\n");
        File.WriteAllText(Path.Combine(config, "master.cf"), "smtp unix - - y - - smtp\nicloud unix -\n");
        var log = Path.Combine(_folder, "mail.log");
        File.WriteAllText(log, "Nov 28 05:00:01 mx1 postfix/smtp[13]: 3F2A0002: to=<u2@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK)\n");

        var ingest = DbotProcess.Run(null, "ingest", "--quiet", "--data", Path.Combine(_folder, "data"), "--mta-config", config, log);

        Assert.Equal(2, ingest.ExitCode);
        Assert.Contains("master.cf(2): ", ingest.Err);
        Assert.DoesNotContain("Stored", ingest.Out);
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
