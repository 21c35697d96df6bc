using DeliverabilityBot.Application;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Reading;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>
/// tests/fixtures/messages/postfix-run: a Postfix 3.x log of a small run and the DSNs Postfix returned for it, counted by
/// hand (README.md there). Log only, log then DSNs, DSNs then log give the same messages; DSNs only give the failures.
/// </summary>
public sealed class MessageFixtureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dbot-message-tests", Guid.NewGuid().ToString("N"));
    private static readonly string Run = TestPaths.InRepo("tests", "fixtures", "messages", "postfix-run");
    private static readonly string LogPath = Path.Combine(Run, "mail.log");
    private static readonly string DsnFolder = Path.Combine(Run, "dsn");

    private DeliverabilityBotRuntime Ingest(string name, params string[][] steps)
    {
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, name), RetentionDays = 0 });
        foreach (var paths in steps) runtime.CreateIngest().Ingest(paths);
        return runtime;
    }

    private static TimeWindow WholeRun(DeliverabilityBotRuntime r)
    {
        var latest = r.Store.Reader.LatestEvent()!.Value;
        return new TimeWindow(latest.AddDays(-1), latest.AddHours(1));
    }

    private static MessageCounts Messages(DeliverabilityBotRuntime r, string? receiver) => StoreReader.Count(r.Store.Reader.Messages(WholeRun(r), receiver));

    private static Dictionary<DeliveryAction, long> Attempts(DeliverabilityBotRuntime r) =>
        r.Store.Reader.Slices(WholeRun(r), null).GroupBy(s => s.Action).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));

    [Fact]
    public void Ingest_LogOnly_MessagesAsCountedByHand()
    {
        var r = Ingest("log", [LogPath]);
        // iCloud: alice delivered after 2 deferrals, bob bounced, carol expired after 3 deferrals, frank still pending.
        Assert.Equal(new MessageCounts(4, 1, 1, 1, 1, 4), Messages(r, "icloud"));
        // All: the 7 recipients; the 3 non-delivery notifications Postfix delivered locally (from=<>) are not attempts.
        Assert.Equal(new MessageCounts(7, 3, 2, 1, 1, 5), Messages(r, null));
        var attempts = Attempts(r);
        Assert.Equal(6, attempts[DeliveryAction.Delayed]);
        Assert.Equal(3, attempts[DeliveryAction.Failed]); // bob, grace, and carol's expiry
        Assert.Equal(3, attempts[DeliveryAction.Delivered]); // alice, dave, erin
    }

    [Fact]
    public void Ingest_LogAndDsnsInEitherOrder_SameAsLogOnly()
    {
        var logOnly = Ingest("log", [LogPath]);
        var logFirst = Ingest("log-dsn", [LogPath], [DsnFolder]);
        var dsnFirst = Ingest("dsn-log", [DsnFolder], [LogPath]);
        foreach (var receiver in new[] { "icloud", "gmail", null })
        {
            Assert.Equal(Messages(logOnly, receiver), Messages(logFirst, receiver));
            Assert.Equal(Messages(logOnly, receiver), Messages(dsnFirst, receiver));
        }
        Assert.Equal(Attempts(logOnly), Attempts(logFirst));
        Assert.Equal(Attempts(logOnly), Attempts(dsnFirst));
    }

    [Fact]
    public void Ingest_DsnsOnly_TheSameFailures()
    {
        var r = Ingest("dsn", [DsnFolder]);
        Assert.Equal(new MessageCounts(2, 0, 1, 1, 0, 2), Messages(r, "icloud"));
        Assert.Equal(new MessageCounts(3, 0, 2, 1, 0, 3), Messages(r, null));
    }

    [Fact]
    public void Ingest_EverythingTwice_AddsNothing()
    {
        var r = Ingest("twice", [LogPath, DsnFolder]);
        var messages = r.Store.Reader.MessageCount();
        var events = r.Store.Reader.EventCount();
        var counts = Messages(r, null);
        r.CreateIngest().Ingest([DsnFolder, LogPath]);
        Assert.Equal((messages, events, counts), (r.Store.Reader.MessageCount(), r.Store.Reader.EventCount(), Messages(r, null)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
