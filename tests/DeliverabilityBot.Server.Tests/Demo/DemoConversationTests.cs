using System.Net.Http.Json;
using System.Text.Json;

namespace DeliverabilityBot.Server.Tests.Demo;

/// <summary>The issue's conversation against the real pipeline: demo day ingested, rules, diagnosis, conversation, HTTP.</summary>
public sealed class DemoConversationTests : IClassFixture<DemoServerFactory>
{
    private readonly DemoServerFactory _factory;

    public DemoConversationTests(DemoServerFactory factory) => _factory = factory;

    private static async Task<JsonElement> Ask(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { conversationId = "demo-e2e", text });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Headline(JsonElement body) => body.GetProperty("answer").GetProperty("headline").GetString()!;

    private static IEnumerable<JsonElement> Blocks(JsonElement body, string kind) =>
        body.GetProperty("answer").GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task Conversation_WhyActionsExamplesAndGmail_AreGroundedInTheDemoDay()
    {
        var client = _factory.CreateClient();

        var why = await Ask(client, "why is icloud deferring us?");
        Assert.Equal("why", why.GetProperty("intent").GetString());
        // Headlines speak in messages (one per recipient of a queued message), details in attempts.
        Assert.Matches(@"^iCloud in the last 24h: most likely .+ \([\d,]+ of [\d,]+ messages \(\d+%\) affected: ([\d,]+|none) bounced, ([\d,]+|none) expired, ([\d,]+|none) pending.*; [\d,]+ deferred attempts of [\d,]+\)\.$", Headline(why));
        var rules = Blocks(why, "findings").SelectMany(b => b.GetProperty("items").EnumerateArray()).SelectMany(i => i.GetProperty("ruleIds").EnumerateArray()).Select(r => r.GetString()).ToList();
        Assert.Contains(rules, r => r!.StartsWith("DIAG", StringComparison.Ordinal));

        var actions = await Ask(client, "what should we do?");
        Assert.Equal("actions", actions.GetProperty("intent").GetString());
        Assert.Equal("icloud", actions.GetProperty("entities").GetProperty("receiver").GetString());
        Assert.True(Blocks(actions, "actions").Sum(b => b.GetProperty("actions").GetArrayLength()) > 0);

        var examples = await Ask(client, "show me examples");
        Assert.Equal("evidence", examples.GetProperty("intent").GetString());
        var replies = Blocks(examples, "findings").SelectMany(b => b.GetProperty("items").EnumerateArray()).SelectMany(i => i.GetProperty("evidence").EnumerateArray()).Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Matches(@"^(421 4\.7\.0 Deferred|550 5\.7\.0 Blocked - see https://ipcheck\.proofpoint\.com/\?ip=203\.0\.113\.7|554 5\.7\.1 \[CS01\]|550 5\.1\.1|554 5\.4\.7|.*expired)", r));

        var gmail = await Ask(client, "and gmail?");
        Assert.Equal("gmail", gmail.GetProperty("entities").GetProperty("receiver").GetString());
        Assert.Matches(@"from Gmail in the last 24h \(0 of [\d,]+ attempts deferred", Headline(gmail));
    }

    [Fact]
    public async Task NewIntents_OnTheDemoDay_AnswerFirstFromTheDemoData()
    {
        var client = _factory.CreateClient();

        // Fresh conversations: each question stands alone.
        var ip = await client.PostAsJsonAsync("/api/chat", new { conversationId = "demo-ip", text = "is 203.0.113.7 blocked at icloud?" });
        var ipBody = await ip.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ips", ipBody.GetProperty("intent").GetString());
        Assert.StartsWith("Yes: iCloud refused mail from 203.0.113.7 with block replies", Headline(ipBody));

        var them = await client.PostAsJsonAsync("/api/chat", new { conversationId = "demo-them", text = "is it us or them at icloud?" });
        var themBody = await them.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("compare", themBody.GetProperty("intent").GetString());
        Assert.Single(Blocks(themBody, "table"), b => b.GetProperty("columns")[0].GetString() == "sending IP");

        var when = await client.PostAsJsonAsync("/api/chat", new { conversationId = "demo-when", text = "when did the icloud deferrals start?" });
        var whenBody = await when.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("timeline", whenBody.GetProperty("intent").GetString());
        Assert.Matches(@"^At iCloud it started \d{4}-\d\d-\d\d \d\d:00 UTC and ", Headline(whenBody));
        Assert.Single(Blocks(whenBody, "chart"));
    }
}
