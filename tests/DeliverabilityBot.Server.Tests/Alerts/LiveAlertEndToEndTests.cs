using System.Text.Json;
using DeliverabilityBot.Application;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Server.Alerts;
using DeliverabilityBot.Server.Live;
using DeliverabilityBot.Server.Tests.Channels.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Alerts;

/// <summary>
/// Issue 16's "done when", live: the iCloud deferral episode (tests/fixtures/alerts/icloud-deferral-episode) written line
/// by line into a log the server follows (<c>Live:Follow</c>), the log rotated (renamed) at 07:30 in the middle of the
/// episode, the server's own watcher and alert service doing the rest against fake Slack Web API and Bot Connector
/// servers: one incident for iCloud with DIAG1002, one thread per channel opened, updated and resolved when the log turns
/// healthy; a server restart in the middle of the episode changes nothing in the store or the channels.
/// </summary>
public sealed class LiveAlertEndToEndTests : IDisposable
{
    private const string SlackChannel = "C0ALERTS1";
    private const string TeamsChannel = "19:alerts@thread.tacv2";
    private const string HeadlineTs = "1763622000.000100";
    private static readonly string Episode = TestPaths.InRepo("tests", "fixtures", "alerts", "icloud-deferral-episode", "maillog");
    private static readonly DateTimeOffset RotateAt = new(2026, 11, 20, 7, 30, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-live-alerts-").FullName;

    [Fact]
    public async Task Follow_EpisodeWrittenLineByLineWithRotation_OneIncidentOneThreadPerChannelResolved()
    {
        var run = await ReplayAsync("straight", restartAfter: null);

        AssertOneThread(run);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(("icloud", "DIAG1002", "receiver:icloud", IncidentState.Resolved), (incident.Receiver, incident.DiagnosisId, incident.Scope, incident.State));
        Assert.True(File.Exists(Path.Combine(_folder, "straight", "maillog.1")), "the log was rotated mid-replay");
    }

    [Fact]
    public async Task Follow_ServerRestartedMidEpisode_SameStoreNoSecondThread()
    {
        var straight = await ReplayAsync("straight", restartAfter: null);
        var restarted = await ReplayAsync("restarted", restartAfter: 8); // after 07:20: the incident is open

        AssertOneThread(restarted);
        Assert.Equal(straight.Events, restarted.Events);
        Assert.Equal(straight.Incidents.Select(Summary), restarted.Incidents.Select(Summary));
    }

    private static string Summary(Incident i) => $"{i.Key} {i.State} {i.Receiver} {i.DiagnosisId}";

    private sealed record Replay(List<RecordedRequest> Slack, List<RecordedRequest> Teams, List<string> Events, IReadOnlyList<Incident> Incidents);

    private async Task<Replay> ReplayAsync(string name, int? restartAfter)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        var log = Path.Combine(folder, "maillog");
        var slack = new List<RecordedRequest>();
        var teams = new List<RecordedRequest>();
        var slices = Slices(File.ReadAllLines(Episode));
        var attempts = 0;
        var host = await StartAsync(folder, log);
        try
        {
            for (var i = 0; i < slices.Count; i++)
            {
                if (i == restartAfter)
                {
                    slack.AddRange(host.SlackApi.Requests);
                    teams.AddRange(host.Connector.Requests);
                    await host.DisposeAsync();
                    host = await StartAsync(folder, log);
                }
                if (slices[i].Start == RotateAt)
                {
                    // logrotate's rename: the writer reopens the path; the follower finishes the old file first.
                    File.Move(log, log + ".1");
                }
                await AppendAsync(log, slices[i].Lines);
                attempts += slices[i].Lines.Count(l => l.Contains(" to=<", StringComparison.Ordinal));
                await WaitStoredAsync(host, attempts);
                // The service also evaluates after every batch the watcher commits; this one makes sure a pass sees the slice's end.
                await host.App.Services.GetRequiredService<AlertService>().EvaluateOnceAsync(CancellationToken.None);
            }
            slack.AddRange(host.SlackApi.Requests);
            teams.AddRange(host.Connector.Requests);
            var runtime = host.App.Services.GetRequiredService<DeliverabilityBotRuntime>();
            return new Replay(slack, teams, Events(runtime), runtime.Store.Incidents.List(null, includeResolved: true, limit: 100));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    // Ten minutes of log each, in order.
    private static List<(DateTimeOffset Start, List<string> Lines)> Slices(string[] lines)
    {
        var slices = new List<(DateTimeOffset, List<string>)>();
        foreach (var line in lines)
        {
            var time = DateTimeOffset.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            var start = new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute / 10 * 10, 0, TimeSpan.Zero);
            if (slices.Count == 0 || slices[^1].Item1 != start) slices.Add((start, []));
            slices[^1].Item2.Add(line);
        }
        return slices;
    }

    // Line by line, each flushed, as an MTA writes.
    private static async Task AppendAsync(string path, List<string> lines)
    {
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await using var writer = new StreamWriter(stream) { NewLine = "\n" };
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line);
            await writer.FlushAsync();
        }
    }

    private static async Task WaitStoredAsync(ChannelTestHost host, long attempts)
    {
        var runtime = host.App.Services.GetRequiredService<DeliverabilityBotRuntime>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (runtime.Store.Reader.EventCount() >= attempts) return;
            await Task.Delay(20);
        }
        Assert.Fail($"the watcher stored {runtime.Store.Reader.EventCount()} of {attempts} attempts in 90 s");
    }

    private static List<string> Events(DeliverabilityBotRuntime runtime)
    {
        using var c = new SqliteConnection($"Data Source={runtime.Store.Options.DatabasePath};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT hash, ts, action, recipient, reply_code, message_key FROM events ORDER BY hash";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private static void AssertOneThread(Replay run)
    {
        var headline = Assert.Single(run.Slack, r => IsPost(r) && !Json(r).TryGetProperty("thread_ts", out _));
        Assert.Equal(SlackChannel, Json(headline).GetProperty("channel").GetString());
        Assert.Contains("DIAG1002 receiver:icloud", Json(headline).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(run.Slack, r => IsUpdate(r) && Json(r).GetProperty("ts").GetString() == HeadlineTs);
        Assert.Single(run.Slack, r => IsPost(r) && Json(r).TryGetProperty("thread_ts", out var t) && t.GetString() == HeadlineTs
                                       && Json(r).GetProperty("text").GetString()!.StartsWith("Resolved: DIAG1002", StringComparison.Ordinal));
        Assert.StartsWith("RESOLVED DIAG1002", Json(run.Slack.Last(IsUpdate)).GetProperty("text").GetString(), StringComparison.Ordinal);

        Assert.Single(run.Teams, r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Contains(run.Teams, r => r.Method == HttpMethod.Put && r.Uri.AbsoluteUri.EndsWith("/activities/1700", StringComparison.Ordinal));
        Assert.Single(run.Teams, r => r.Method == HttpMethod.Post && r.Uri.AbsoluteUri.Contains("messageid%3D1700/activities/1700", StringComparison.Ordinal)
                                      && r.Body.Contains("Resolved: DIAG1002", StringComparison.Ordinal));
    }

    private static async Task<ChannelTestHost> StartAsync(string folder, string log)
    {
        var settings = new Dictionary<string, string?>(SlackRequests.Settings());
        foreach (var (k, v) in BotFrameworkTestKeys.Settings()) settings[k] = v;
        settings["Alerts:SlackChannel"] = SlackChannel;
        settings["Alerts:TeamsChannel"] = TeamsChannel;
        settings["Alerts:TeamsServiceUrl"] = BotFrameworkTestKeys.ServiceUrl;
        settings["Alerts:Interval"] = "01:00:00"; // woken by the watcher's commits, and by the test at each slice's end
        settings["Alerts:EditInterval"] = "00:00:00";
        settings["Live:Follow:0"] = log;
        settings["Live:PollInterval"] = "00:00:00.020";
        settings["Live:ReleaseWriterAfter"] = "00:00:00.200";
        var host = await ChannelTestHost.StartAsync(settings, services: (services, configuration) =>
        {
            services.AddDeliverabilityBot(new DeliverabilityBotOptions { DataDirectory = Path.Combine(folder, "data"), RetentionDays = 0 });
            services.AddLiveIngest(configuration);
            services.AddAlerts(configuration);
        });
        new BotFrameworkTestKeys().Serve(host);
        host.SlackApi.Respond = r => IsPost(r)
            ? FakeHttpHandler.Json($$"""{"ok":true,"channel":"{{SlackChannel}}","ts":"{{(Json(r).TryGetProperty("thread_ts", out _) ? "1763622000.000999" : HeadlineTs)}}"}""")
            : FakeHttpHandler.Json("""{"ok":true}""");
        host.Connector.Respond = r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? FakeHttpHandler.Json($$"""{"id":"{{TeamsChannel}};messageid=1700","activityId":"1700"}""")
            : FakeHttpHandler.Json("""{"id":"1800"}""");
        return host;
    }

    private static bool IsPost(RecordedRequest r) => r.Uri.AbsolutePath.EndsWith("/chat.postMessage", StringComparison.Ordinal);

    private static bool IsUpdate(RecordedRequest r) => r.Uri.AbsolutePath.EndsWith("/chat.update", StringComparison.Ordinal);

    private static JsonElement Json(RecordedRequest r) => JsonDocument.Parse(r.Body).RootElement;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
