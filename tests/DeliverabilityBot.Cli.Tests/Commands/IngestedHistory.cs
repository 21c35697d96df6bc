using System.Globalization;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary>
/// A data folder holding a small history ingested with <c>dbot ingest</c> (a separate process): ten attempts to iCloud
/// (four deferred with iCloud's <c>421 4.7.0</c>) and five delivered to Gmail, within the last 40 minutes.
/// </summary>
internal sealed class IngestedHistory : IDisposable
{
    public IngestedHistory(string prefix)
    {
        Data = Directory.CreateTempSubdirectory(prefix).FullName;
        var log = Path.Combine(Data, "mail.log");
        File.WriteAllLines(log, MailLog(DateTimeOffset.UtcNow.AddMinutes(-40)));
        var ingest = DbotProcess.Run(null, "ingest", "--quiet", "--data", Data, log);
        Assert.True(ingest.ExitCode == 0, ingest.Err);
    }

    /// <summary>The data folder (pass as <c>--data</c>).</summary>
    public string Data { get; }

    public void Dispose()
    {
        try { Directory.Delete(Data, recursive: true); } catch (IOException) { }
    }

    private static IEnumerable<string> MailLog(DateTimeOffset start)
    {
        string Stamp(int minute) => start.AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        for (var i = 0; i < 10; i++)
        {
            var qid = $"3F00A{i:D5}";
            yield return $"{Stamp(i)} mta1 postfix/qmgr[900]: {qid}: from=<news@shop.example>, size=4000, nrcpt=1 (queue active)";
            yield return i < 4
                ? $"{Stamp(i)} mta1 postfix/smtp[2101]: {qid}: to=<user{i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.155.25]:25, delay=1.2, delays=0.05/0.01/0.6/0.5, dsn=4.7.0, status=deferred (host mx01.mail.icloud.com[17.57.155.25] said: 421 4.7.0 Deferred (in reply to RCPT TO command))"
                : $"{Stamp(i)} mta1 postfix/smtp[2101]: {qid}: to=<user{i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.155.25]:25, delay=0.9, delays=0.02/0/0.4/0.48, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 01234567-89ab-cdef-0123-456789abcdef)";
        }
        for (var i = 0; i < 5; i++)
        {
            var qid = $"3F00B{i:D5}";
            yield return $"{Stamp(20 + i)} mta1 postfix/smtp[2102]: {qid}: to=<user{i}@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=0.5, delays=0.02/0/0.2/0.28, dsn=2.0.0, status=sent (250 2.0.0 OK  1764307200 a1si4242.1 - gsmtp)";
        }
    }
}
