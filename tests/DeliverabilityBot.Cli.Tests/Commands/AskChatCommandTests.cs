using System.Globalization;
using System.Text.Json;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary><c>dbot ask</c> and <c>dbot chat</c> over a history ingested with <c>dbot ingest</c>, as separate processes.</summary>
public sealed class AskChatCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("dbot-ask-").FullName;

    public AskChatCommandTests()
    {
        var log = Path.Combine(_data, "mail.log");
        File.WriteAllLines(log, MailLog(DateTimeOffset.UtcNow.AddMinutes(-40)));
        var ingest = DbotProcess.Run(null, "ingest", "--quiet", "--data", _data, log);
        Assert.True(ingest.ExitCode == 0, ingest.Err);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    // Ten attempts to iCloud (four deferred with iCloud's 421 4.7.0) and five delivered to Gmail, within the last 40 minutes.
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

    [Fact]
    public void Ask_Json_GivesIntentEntitiesAndAnAnswerFromTheHistory()
    {
        var r = DbotProcess.Run(null, "ask", "--json", "--data", _data, "--conversation", "json", "why is icloud deferring us?");

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var o = doc.RootElement;
        Assert.Equal("why", o.GetProperty("intent").GetString());
        Assert.Equal("icloud", o.GetProperty("entities").GetProperty("receiver").GetString());
        Assert.Equal("last 24h", o.GetProperty("entities").GetProperty("since").GetString());
        Assert.StartsWith("iCloud in the last 24h: 4 of 10 attempts deferred (40%)", o.GetProperty("answer").GetProperty("headline").GetString());
    }

    [Fact]
    public void Ask_FollowUpInALaterCall_KeepsTheReceiver()
    {
        DbotProcess.Run(null, "ask", "--data", _data, "--conversation", "follow", "why is icloud deferring us?");
        var r = DbotProcess.Run(null, "ask", "--json", "--data", _data, "--conversation", "follow", "what should we do?");

        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("actions", doc.RootElement.GetProperty("intent").GetString());
        Assert.Equal("icloud", doc.RootElement.GetProperty("entities").GetProperty("receiver").GetString());
    }

    [Fact]
    public void Ask_Text_PrintsThePlainTextAnswer()
    {
        var r = DbotProcess.Run(null, "ask", "--data", _data, "--conversation", "text", "how", "many", "deferrals", "from", "icloud?");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("iCloud in the last 24h: 10 attempts", r.Out);
        Assert.DoesNotContain("\u001b[", r.Out);
    }

    [Fact]
    public void Chat_PipedTurns_AnswersEachWithContextAndListsHistory()
    {
        var r = DbotProcess.Run("why is icloud deferring us?\nand gmail?\n/history\n/quit\n", "chat", "--data", _data);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("iCloud in the last 24h: 4 of 10 attempts deferred (40%)", r.Out);
        Assert.Contains("Gmail in the last 24h: 0 of 5 attempts deferred", r.Out);
        Assert.Contains("1. why is icloud deferring us?  [why]", r.Out);
        Assert.Contains("2. and gmail?  [why]", r.Out);
    }

    [Fact]
    public void Chat_FencedPaste_IsExplainedAsOneTurn()
    {
        var r = DbotProcess.Run("```\n554 5.7.1 [CS01] Message rejected due to local policy\n```\n", "chat", "--data", _data);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ICL1001", r.Out);
    }

    [Fact]
    public void Ask_NoQuestion_IsAUsageError()
    {
        var r = DbotProcess.Run("  ", "ask", "--data", _data, "-");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("give a question", r.Err);
    }
}
