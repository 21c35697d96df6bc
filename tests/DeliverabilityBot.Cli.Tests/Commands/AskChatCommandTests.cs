using System.Text.Json;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary><c>dbot ask</c> and <c>dbot chat</c> over a history ingested with <c>dbot ingest</c>, as separate processes.</summary>
public sealed class AskChatCommandTests : IDisposable
{
    private readonly IngestedHistory _history = new("dbot-ask-");

    public void Dispose() => _history.Dispose();

    [Fact]
    public void Ask_Json_GivesIntentEntitiesAndAnAnswerFromTheHistory()
    {
        var r = DbotProcess.Run(null, "ask", "--json", "--data", _history.Data, "--conversation", "json", "why is icloud deferring us?");

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var o = doc.RootElement;
        Assert.Equal("why", o.GetProperty("intent").GetString());
        Assert.Equal("icloud", o.GetProperty("entities").GetProperty("receiver").GetString());
        Assert.Equal("last 24h", o.GetProperty("entities").GetProperty("since").GetString());
        // The verdict first, then its numbers, in one sentence.
        Assert.Matches(@"^iCloud in the last 24h: (most likely )?.+ \(4 of 10 messages \(40%\) affected: none bounced, none expired, 4 pending; 4 deferred attempts of 10\)\.$", o.GetProperty("answer").GetProperty("headline").GetString());
        Assert.Contains(o.GetProperty("answer").GetProperty("blocks").EnumerateArray(), b => b.GetProperty("kind").GetString() == "findings");
    }

    [Fact]
    public void Ask_FollowUpInALaterCall_KeepsTheReceiver()
    {
        DbotProcess.Run(null, "ask", "--data", _history.Data, "--conversation", "follow", "why is icloud deferring us?");
        var r = DbotProcess.Run(null, "ask", "--json", "--data", _history.Data, "--conversation", "follow", "what should we do?");

        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("actions", doc.RootElement.GetProperty("intent").GetString());
        Assert.Equal("icloud", doc.RootElement.GetProperty("entities").GetProperty("receiver").GetString());
    }

    [Fact]
    public void Ask_Text_PrintsThePlainTextAnswer()
    {
        var r = DbotProcess.Run(null, "ask", "--data", _history.Data, "--conversation", "text", "how", "many", "deferrals", "from", "icloud?");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("iCloud in the last 24h: 4 of 10 messages (40%) affected: none bounced, none expired, 4 pending; 10 attempts", r.Out);
        Assert.DoesNotContain("\u001b[", r.Out);
    }

    [Fact]
    public void Chat_PipedTurns_AnswersEachWithContextAndListsHistory()
    {
        var r = DbotProcess.Run("why is icloud deferring us?\nand gmail?\n/history\n/quit\n", "chat", "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("(4 of 10 messages (40%) affected: none bounced, none expired, 4 pending; 4 deferred attempts of 10).", r.Out);
        Assert.Contains("(0 of 5 messages (0%) affected: none bounced, none expired, none pending; 0 deferred attempts of 5).", r.Out);
        Assert.Contains("1. why is icloud deferring us?  [why]", r.Out);
        Assert.Contains("2. and gmail?  [why]", r.Out);
    }

    [Fact]
    public void Chat_FencedPaste_IsExplainedAsOneTurn()
    {
        var r = DbotProcess.Run("```\n554 5.7.1 [CS01] Message rejected due to local policy\n```\n", "chat", "--data", _history.Data);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ICL1001", r.Out);
    }

    [Fact]
    public void Ask_NoQuestion_IsAUsageError()
    {
        var r = DbotProcess.Run("  ", "ask", "--data", _history.Data, "-");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("give a question", r.Err);
    }
}
