using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Core.Alerts;

namespace DeliverabilityBot.Store.Tests.Alerts;

/// <summary>
/// The alert detector over a log replayed in time order, ten minutes of log per ingest: healthy, an iCloud 421 4.7.0
/// episode, healthy again (tests/fixtures/alerts/icloud-deferral-episode).
/// </summary>
public sealed class AlertDetectorReplayTests : IDisposable
{
    private static readonly string Episode = TestPaths.InRepo("tests", "fixtures", "alerts", "icloud-deferral-episode", "maillog");
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-alerts-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Evaluate_EpisodeReplayed_OneIncidentOpenedUpdatedAndResolved()
    {
        var changes = Replay(restartAfter: null);

        var opened = Assert.Single(changes, c => c.Kind == IncidentChangeKind.Opened);
        Assert.Equal("icloud", opened.Incident.Receiver);
        Assert.Equal("DIAG1002", opened.Incident.DiagnosisId);
        Assert.Equal("receiver:icloud", opened.Incident.Scope);
        Assert.Contains(changes, c => c.Kind == IncidentChangeKind.Updated && c.Incident.Id == opened.Incident.Id);
        var resolved = Assert.Single(changes, c => c.Kind == IncidentChangeKind.Resolved);
        Assert.Equal(opened.Incident.Id, resolved.Incident.Id);
        // The episode runs 07:00-08:00 log time: opened inside it, resolved after it, never before the healthy hour.
        Assert.InRange(opened.Incident.OpenedAt, At(7, 0), At(8, 0));
        Assert.InRange(resolved.Incident.ResolvedAt!.Value, At(8, 0), At(9, 0));
        Assert.NotNull(resolved.Incident.Totals);
        Assert.InRange(resolved.Incident.Totals!.SignalAttempts, 60, 85); // 85 deferrals in the log, all inside the episode
        Assert.Contains("ICL1022", resolved.Incident.Rules);
        Assert.NotEmpty(resolved.Incident.Actions);
        Assert.Contains(resolved.Incident.MtaChanges, l => l.StartsWith("Postfix:", StringComparison.Ordinal) && l.Contains("slow-icloud", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_RestartMidReplay_SameIncidentsStored()
    {
        var straight = Replay(restartAfter: null, "straight");
        var restarted = Replay(restartAfter: 8, "restarted");

        Assert.Equal(straight.Select(c => (c.Kind, c.Incident.Key)), restarted.Select(c => (c.Kind, c.Incident.Key)));
        Assert.Equal(Stored("straight"), Stored("restarted"));
        Assert.Contains("resolved", Stored("restarted"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TooFewMessages_NothingOpens()
    {
        var runtime = Runtime("few");
        var detector = runtime.CreateAlertDetector(new AlertOptions { MinMessages = 10_000 });
        foreach (var (_, path) in LogReplay.Slices(Episode, TimeSpan.FromMinutes(10), Path.Combine(_folder, "few-slices")))
        {
            runtime.CreateIngest().Ingest([path]);
            Assert.Empty(detector.Evaluate().Changes);
        }
    }

    [Fact]
    public void Evaluate_ReceiverTrafficStopsMidEpisode_IncidentStaysOpen()
    {
        // iCloud's attempts end at 07:40 (the MTA paused it, or nothing is retried yet); Gmail's go on to 09:00.
        var log = Edited("stopped", line => Time(line) < At(7, 40) || !IsIcloudAttempt(line));

        var changes = Replay(log, "stopped");

        var opened = Assert.Single(changes, c => c.Kind == IncidentChangeKind.Opened);
        Assert.DoesNotContain(changes, c => c.Kind == IncidentChangeKind.Resolved);
        var incident = Assert.Single(Runtime("stopped").Store.Incidents.Open());
        Assert.Equal((opened.Incident.Id, (DateTimeOffset?)null), (incident.Id, incident.QuietSince));
    }

    [Fact]
    public void Evaluate_TrafficResumesHealthyAfterStop_Resolves()
    {
        // As above, then iCloud's healthy hour from 08:00: back at baseline with traffic to show it.
        var log = Edited("resumed", line => Time(line) < At(7, 40) || Time(line) >= At(8, 0) || !IsIcloudAttempt(line));

        var changes = Replay(log, "resumed");

        var opened = Assert.Single(changes, c => c.Kind == IncidentChangeKind.Opened);
        var resolved = Assert.Single(changes, c => c.Kind == IncidentChangeKind.Resolved);
        Assert.Equal(opened.Incident.Id, resolved.Incident.Id);
        Assert.Empty(Runtime("resumed").Store.Incidents.Open());
    }

    [Fact]
    public void Evaluate_EpisodeInTheFirstHourOfHistory_WarningDoesNotPageWithoutBaseline()
    {
        // The store starts at 07:00, inside the episode: iCloud's normal is unknown, not 0%, and DIAG1002 is a warning.
        var log = Edited("first-hour", line => Time(line) >= At(7, 0));

        var changes = Replay(log, "first-hour");

        Assert.DoesNotContain(changes, c => c.Kind == IncidentChangeKind.Opened);
    }

    [Fact]
    public void Headline_UnknownBaseline_SaysSoNotZero()
    {
        var incident = new Incident { Key = "k", Receiver = "icloud", Scope = "receiver:icloud", DiagnosisId = "DIAG1001", BaselineRate = Incident.UnknownBaseline };

        Assert.Contains("baseline unknown", IncidentText.Headline(incident), StringComparison.Ordinal);
        Assert.Contains("baseline 0%", IncidentText.Headline(incident with { BaselineRate = 0 }), StringComparison.Ordinal);
    }

    private static bool IsIcloudAttempt(string line) =>
        line.Contains(" to=<", StringComparison.Ordinal) && line.Contains("icloud.com", StringComparison.Ordinal);

    private static DateTimeOffset Time(string line) =>
        DateTimeOffset.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    private string Edited(string name, Func<string, bool> keep)
    {
        var path = Path.Combine(_folder, name + ".log");
        File.WriteAllLines(path, File.ReadLines(Episode).Where(keep));
        return path;
    }

    private List<IncidentChange> Replay(string log, string name)
    {
        var runtime = Runtime(name);
        var detector = runtime.CreateAlertDetector(new AlertOptions());
        var changes = new List<IncidentChange>();
        foreach (var (_, path) in LogReplay.Slices(log, TimeSpan.FromMinutes(10), Path.Combine(_folder, name + "-slices")))
        {
            runtime.CreateIngest().Ingest([path]);
            changes.AddRange(detector.Evaluate().Changes);
        }
        return changes;
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 20, hour, minute, 0, TimeSpan.Zero);

    private List<IncidentChange> Replay(int? restartAfter, string name = "replay")
    {
        var runtime = Runtime(name);
        var detector = runtime.CreateAlertDetector(new AlertOptions());
        var changes = new List<IncidentChange>();
        var slices = LogReplay.Slices(Episode, TimeSpan.FromMinutes(10), Path.Combine(_folder, name + "-slices"));
        for (var i = 0; i < slices.Count; i++)
        {
            if (i == restartAfter)
            {
                // A new process: a fresh runtime and detector over the same data folder.
                runtime = Runtime(name);
                detector = runtime.CreateAlertDetector(new AlertOptions());
            }
            runtime.CreateIngest().Ingest([slices[i].Path]);
            changes.AddRange(detector.Evaluate().Changes);
        }
        return changes;
    }

    private DeliverabilityBotRuntime Runtime(string name) =>
        new(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, name), RetentionDays = 0 });

    private string Stored(string name) =>
        IncidentJson.ToJson(Runtime(name).Store.Incidents.List(null, includeResolved: true, limit: 100));
}
