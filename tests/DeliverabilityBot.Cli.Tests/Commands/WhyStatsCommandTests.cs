using System.Text.Json;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary><c>dbot why</c> and <c>dbot stats</c> over a history ingested with <c>dbot ingest</c>, as separate processes.</summary>
public sealed class WhyStatsCommandTests : IDisposable
{
    private readonly IngestedHistory _history = new("dbot-why-");

    public void Dispose() => _history.Dispose();

    [Theory]
    [InlineData("icloud")]
    [InlineData("apple")]
    [InlineData("me.com")]
    public void Why_JsonForTheICloudFamily_CountsTheWindowAndRanksADiagnosis(string receiver)
    {
        var r = DbotProcess.Run(null, "why", receiver, "--json", "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var o = doc.RootElement;
        Assert.Equal("icloud", o.GetProperty("receiver").GetString());
        Assert.Equal(10, o.GetProperty("attempts").GetInt32());
        Assert.Equal(6, o.GetProperty("delivered").GetInt32());
        Assert.Equal(4, o.GetProperty("deferred").GetInt32());
        Assert.Equal(0, o.GetProperty("bounced").GetInt32());
        AssertMessages(o.GetProperty("messages"), total: 10, delivered: 6, pending: 4, affected: 4);
        Assert.NotEqual(0, o.GetProperty("diagnoses").GetArrayLength());
    }

    [Fact]
    public void Stats_Json_MessagesThenAttemptsByReceiver()
    {
        var r = DbotProcess.Run(null, "stats", "--since", "2h", "--json", "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var o = doc.RootElement;
        AssertMessages(o.GetProperty("messages"), total: 15, delivered: 11, pending: 4, affected: 4);
        Assert.Equal(15, o.GetProperty("total").GetProperty("attempts").GetInt32());
        var icloud = o.GetProperty("byReceiver").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "icloud");
        Assert.Equal(10, icloud.GetProperty("attempts").GetInt32());
        AssertMessages(icloud.GetProperty("messages"), total: 10, delivered: 6, pending: 4, affected: 4);
    }

    private static void AssertMessages(JsonElement m, int total, int delivered, int pending, int affected)
    {
        Assert.Equal(total, m.GetProperty("total").GetInt32());
        Assert.Equal(delivered, m.GetProperty("delivered").GetInt32());
        Assert.Equal(0, m.GetProperty("bounced").GetInt32());
        Assert.Equal(0, m.GetProperty("expired").GetInt32());
        Assert.Equal(pending, m.GetProperty("pending").GetInt32());
        Assert.Equal(affected, m.GetProperty("affected").GetInt32());
    }

    [Fact]
    public void Why_Explain_PrintsTheRuleTrace()
    {
        var r = DbotProcess.Run(null, "why", "icloud", "--explain", "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("10 attempts", r.Out);
        Assert.Contains("DIAG", r.Out);
    }

    [Fact]
    public void Stats_AllReceivers_TabulatesAttemptsByReceiver()
    {
        var r = DbotProcess.Run(null, "stats", "--since", "2h", "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.StartsWith("Stats: all receivers", r.Out);
        var icloud = r.Out.Split('\n').First(l => l.StartsWith("icloud", StringComparison.Ordinal));
        Assert.Equal(["icloud", "10", "6", "4", "0"], icloud.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("why")]
    [InlineData("stats")]
    public void WindowCommands_BadSince_Exit2NamingTheValue(string command)
    {
        var r = DbotProcess.Run(null, command, "icloud", "--since", "yesterday-ish", "--data", _history.Data);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("yesterday-ish", r.Err);
    }
}
