using System.Text.Json;
using DeliverabilityBot.Application;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Server.Alerts;
using DeliverabilityBot.Server.Tests.Channels.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Alerts;

/// <summary>
/// The alert path end to end: the iCloud deferral episode (tests/fixtures/alerts/icloud-deferral-episode) replayed ten
/// minutes of log at a time into the store, the server's alert service evaluating after each slice, and fake Slack Web
/// API and Bot Connector servers recording what was posted.
/// </summary>
public sealed class AlertPostingEndToEndTests : IDisposable
{
    private const string SlackChannel = "C0ALERTS1";
    private const string TeamsChannel = "19:alerts@thread.tacv2";
    private const string HeadlineTs = "1763622000.000100";
    private static readonly string Episode = TestPaths.InRepo("tests", "fixtures", "alerts", "icloud-deferral-episode", "maillog");
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-alert-posting-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Replay_IcloudEpisode_OneSlackThreadAndOneTeamsThreadOpenedUpdatedResolved()
    {
        var (slack, teams) = await ReplayAsync(restartAfter: null);

        AssertOneThread(slack, teams);
    }

    [Fact]
    public async Task Replay_RestartMidEpisode_SameThreadsNoSecondHeadline()
    {
        var (slack, teams) = await ReplayAsync(restartAfter: 8);

        AssertOneThread(slack, teams);
    }

    [Fact]
    public async Task SlackButton_Acknowledge_RecordedAndHeadlineEdited()
    {
        await using var host = await StartAsync();
        var runtime = host.App.Services.GetRequiredService<DeliverabilityBotRuntime>();
        var service = host.App.Services.GetRequiredService<AlertService>();
        foreach (var (end, path) in Slices().Where(s => s.End <= new DateTimeOffset(2026, 11, 20, 7, 40, 0, TimeSpan.Zero)))
        {
            runtime.CreateIngest().Ingest([path]);
            await service.EvaluateOnceAsync(CancellationToken.None);
        }
        var incident = Assert.Single(runtime.Store.Incidents.Open());
        var payload = $$"""{"type":"block_actions","team":{"id":"{{SlackRequests.Team}}"},"user":{"id":"U0ANA0001","team_id":"{{SlackRequests.Team}}"},"channel":{"id":"{{SlackChannel}}"},"message":{"ts":"{{HeadlineTs}}"},"actions":[{"action_id":"{{SlackAlertChannel.AcknowledgeActionId}}","value":"{{incident.Id}}","action_ts":"1.2"}]}""";
        var updatesBefore = host.SlackApi.Requests.Count(IsUpdate);

        using var response = await host.Client.SendAsync(SlackRequests.Signed("/api/slack/interactions", SlackRequests.Form(("payload", payload)), "application/x-www-form-urlencoded"));
        await host.App.Services.GetRequiredService<AlertActions>().Background;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("U0ANA0001", runtime.Store.Incidents.Find(incident.Id)!.Acknowledged?.By);
        var edit = host.SlackApi.Requests.Where(IsUpdate).Skip(updatesBefore).Single();
        Assert.Contains("ACKNOWLEDGED", edit.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ack")]
    [InlineData("mute")]
    public async Task TeamsCardAction_AckOrMute_RecordedAndCardUpdated(string verb)
    {
        await using var host = await StartAsync();
        var runtime = host.App.Services.GetRequiredService<DeliverabilityBotRuntime>();
        var service = host.App.Services.GetRequiredService<AlertService>();
        foreach (var (end, path) in Slices().Where(s => s.End <= new DateTimeOffset(2026, 11, 20, 7, 40, 0, TimeSpan.Zero)))
        {
            runtime.CreateIngest().Ingest([path]);
            await service.EvaluateOnceAsync(CancellationToken.None);
        }
        var incident = Assert.Single(runtime.Store.Incidents.Open());
        // What Teams sends when Acknowledge or Mute (Action.Submit) is pressed on the card: a message whose value is the card's data.
        var activity = TeamsActivities.Mention("submit-" + verb, "");
        activity.Remove("text");
        activity.Remove("entities");
        activity["replyToId"] = "1700";
        activity["conversation"]!["id"] = TeamsChannel + ";messageid=1700";
        activity["value"] = new System.Text.Json.Nodes.JsonObject { [TeamsAlertChannel.IncidentKey] = incident.Id, [TeamsAlertChannel.ActionKey] = verb };
        var editsBefore = host.Connector.Requests.Count(r => r.Method == HttpMethod.Put);

        using var response = await TeamsActivities.PostAsync(host.Client, activity, new BotFrameworkTestKeys().Mint());
        await host.WhenIdleAsync();
        await host.App.Services.GetRequiredService<AlertActions>().Background;

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var stored = runtime.Store.Incidents.Find(incident.Id)!;
        Assert.Equal("Ana", stored.Acknowledged?.By);
        Assert.Equal(verb == "mute", stored.MutedUntil is not null);
        var edit = host.Connector.Requests.Where(r => r.Method == HttpMethod.Put).Skip(editsBefore).Single();
        Assert.EndsWith("/activities/1700", edit.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("ACKNOWLEDGED", edit.Body, StringComparison.Ordinal);
    }

    private static void AssertOneThread(List<RecordedRequest> slack, List<RecordedRequest> teams)
    {
        var headlines = slack.Where(r => IsPost(r) && !Json(r).TryGetProperty("thread_ts", out _)).ToList();
        var headline = Assert.Single(headlines);
        Assert.Equal(SlackChannel, Json(headline).GetProperty("channel").GetString());
        Assert.Contains("DIAG1002 receiver:icloud", Json(headline).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(SlackAlertChannel.AcknowledgeActionId, headline.Body, StringComparison.Ordinal);
        Assert.Contains(slack, r => IsUpdate(r) && Json(r).GetProperty("ts").GetString() == HeadlineTs);
        var replies = slack.Where(r => IsPost(r) && Json(r).TryGetProperty("thread_ts", out var t) && t.GetString() == HeadlineTs).ToList();
        Assert.InRange(replies.Count, 1, 3); // the resolution, and at most a reply or two when the rate moved: no flood
        Assert.Single(replies, r => Json(r).GetProperty("text").GetString()!.StartsWith("Resolved: DIAG1002", StringComparison.Ordinal));
        var lastEdit = slack.Last(IsUpdate);
        Assert.StartsWith("RESOLVED DIAG1002", Json(lastEdit).GetProperty("text").GetString(), StringComparison.Ordinal);

        var created = Assert.Single(teams, r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(TeamsChannel, Json(created).GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal("Bearer " + BotFrameworkTestKeys.ConnectorToken, created.Authorization);
        Assert.Contains(teams, r => r.Method == HttpMethod.Put && r.Uri.AbsoluteUri.EndsWith("/activities/1700", StringComparison.Ordinal));
        var teamsReplies = teams.Where(r => r.Method == HttpMethod.Post && r.Uri.AbsoluteUri.Contains("messageid%3D1700/activities/1700", StringComparison.Ordinal)).ToList();
        Assert.Single(teamsReplies, r => r.Body.Contains("Resolved: DIAG1002", StringComparison.Ordinal));
    }

    private async Task<(List<RecordedRequest> Slack, List<RecordedRequest> Teams)> ReplayAsync(int? restartAfter)
    {
        var slack = new List<RecordedRequest>();
        var teams = new List<RecordedRequest>();
        var slices = Slices();
        var host = await StartAsync();
        try
        {
            for (var i = 0; i < slices.Count; i++)
            {
                if (i == restartAfter)
                {
                    slack.AddRange(host.SlackApi.Requests);
                    teams.AddRange(host.Connector.Requests);
                    await host.DisposeAsync();
                    host = await StartAsync();
                }
                host.App.Services.GetRequiredService<DeliverabilityBotRuntime>().CreateIngest().Ingest([slices[i].Path]);
                await host.App.Services.GetRequiredService<AlertService>().EvaluateOnceAsync(CancellationToken.None);
            }
            slack.AddRange(host.SlackApi.Requests);
            teams.AddRange(host.Connector.Requests);
        }
        finally
        {
            await host.DisposeAsync();
        }
        return (slack, teams);
    }

    private IReadOnlyList<(DateTimeOffset End, string Path)> Slices() => LogReplay.Slices(Episode, TimeSpan.FromMinutes(10), Path.Combine(_folder, "slices"));

    private async Task<ChannelTestHost> StartAsync()
    {
        var settings = new Dictionary<string, string?>(SlackRequests.Settings());
        foreach (var (k, v) in BotFrameworkTestKeys.Settings()) settings[k] = v;
        settings["Alerts:SlackChannel"] = SlackChannel;
        settings["Alerts:TeamsChannel"] = TeamsChannel;
        settings["Alerts:TeamsServiceUrl"] = BotFrameworkTestKeys.ServiceUrl;
        settings["Alerts:Interval"] = "01:00:00"; // the test drives each evaluation
        settings["Alerts:EditInterval"] = "00:00:00";
        var data = Path.Combine(_folder, "data");
        var host = await ChannelTestHost.StartAsync(settings, services: (services, configuration) =>
        {
            services.AddDeliverabilityBot(new DeliverabilityBotOptions { DataDirectory = data, RetentionDays = 0 });
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
}
