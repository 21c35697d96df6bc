using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Core.Checks;
using DeliverabilityBot.Core.Diagnosis;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class ChecksIntentTests
{
    [Theory]
    [InlineData("are we on any blocklists?", "")]
    [InlineData("are we blacklisted?", "")]
    [InlineData("is 203.0.113.7 on any blacklist", "ip=203.0.113.7")]
    [InlineData("is 203.0.113.7 blocklisted?", "ip=203.0.113.7")]
    [InlineData("do we have DMARC problems?", "")]
    [InlineData("check our SPF", "")]
    [InlineData("check dkim selector s1 for example.com", "domain=example.com")]
    [InlineData("is our ip listed on spamhaus?", "")]
    [InlineData("does our sending IP have reverse dns", "")]
    [InlineData("<@U024BE7LH> are we on any blocklists?", "")]
    [InlineData("<at>DeliverabilityBot</at> check our *SPF* record", "")]
    public void Understand_ChecksQuestion_IsChecks(string text, string entities) => UtteranceAssert.Understood(text, "checks", entities);

    [Theory]
    [InlineData("why is icloud rejecting us for dmarc?", "why")]
    [InlineData("is 203.0.113.7 blocked at icloud?", "ips")]
    [InlineData("write the delisting request to spamhaus", "escalate")]
    public void Understand_NeighbouringQuestions_StayWithTheirIntent(string text, string intent) =>
        Assert.Equal(intent, TestBot.Understander.Understand(text, ShippedReceivers.Lexicon).Intent);

    private static async Task<(ChatReply Reply, FakeChecks Checks, FakeQueries Queries)> Ask(string text, FakeChecks? checks = null, ChatBotOptions? options = null)
    {
        var queries = Scenario.Create();
        queries.Stats["*"] = new StatsReport
        {
            Window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now), Total = new StatsRow("total", 7000, 6290, 628, 82),
            BySendingIp = [new StatsRow("203.0.113.7", 2000, 1300, 620, 80), new StatsRow("203.0.113.8", 5000, 4990, 8, 2), new StatsRow("(not recorded)", 3, 0, 0, 3)],
            BySenderDomain = [new StatsRow("news.example.com", 6000, 5300, 620, 80), new StatsRow("icloud.com", 1, 1, 0, 0)],
        };
        checks ??= new FakeChecks();
        var bot = new ChatBot(queries, TestBot.Registry, new Conversation.State.InMemoryConversationStateStore(), options ?? new ChatBotOptions(), new ManualClock(Scenario.Now), NullLogger<ChatBot>.Instance, checks);
        var reply = await bot.AnswerAsync(new ChatTurn("test", "c1", null, "u", text));
        return (reply, checks, queries);
    }

    [Fact]
    public async Task Compose_Blocklists_ChecksTheBusiestIpsAndDomainsOfTheHistory()
    {
        var (reply, checks, _) = await Ask("are we on any blocklists?");
        Assert.Equal("checks", reply.Intent);
        var request = Assert.Single(checks.Requests);
        Assert.Equal(["203.0.113.8", "203.0.113.7"], request.Ips);
        Assert.Equal(["news.example.com"], request.Domains); // a receiver's domain is never ours
        Assert.Equal([CheckKind.Blocklist], request.Kinds);
        Assert.Equal("No: our 2 sending IPs and news.example.com are not listed on Spamhaus ZEN.", reply.Answer.Headline);
    }

    [Fact]
    public async Task Compose_ConfiguredSubjects_AreUsedWithoutReadingTheHistory()
    {
        var checks = new FakeChecks { Configured = new CheckRequest { Ips = ["198.51.100.1"], Domains = ["example.org"] } };
        var (_, _, queries) = await Ask("check our dmarc", checks);
        var request = Assert.Single(checks.Requests);
        Assert.Empty(request.Ips); // DMARC needs no IP
        Assert.Equal(["example.org"], request.Domains);
        Assert.DoesNotContain(queries.Calls, c => c.StartsWith("stats", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compose_OneIpNamed_ChecksThatIpOnly()
    {
        var (_, checks, _) = await Ask("is 198.51.100.9 on any blacklist?");
        var request = Assert.Single(checks.Requests);
        Assert.Equal(["198.51.100.9"], request.Ips);
        Assert.Empty(request.Domains);
    }

    [Fact]
    public async Task Compose_SpamhausNamed_AsksOnlyForSpamhausLists()
    {
        var (_, checks, _) = await Ask("is our IP listed on spamhaus?");
        Assert.Equal(["spamhaus"], Assert.Single(checks.Requests).Blocklists);
    }

    [Fact]
    public async Task Compose_SelectorNamedAndPastedSignature_BothLookedUp()
    {
        var (_, checks, _) = await Ask("check dkim selector s1 for example.com");
        Assert.Contains(Assert.Single(checks.Requests).DkimSelectors, s => s.QueryName == "s1._domainkey.example.com" && s.Origin == "asked");
        var pasted = "check the dkim key of this one\n```\nDKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\n d=mail.example.net; s=pm2026;\n h=from:to:subject; bh=abc=; b=def=\n```";
        var (_, checks2, _) = await Ask(pasted);
        Assert.Contains(checks2.Requests.Single().DkimSelectors, s => s.QueryName == "pm2026._domainkey.mail.example.net" && s.Origin == "pasted DKIM-Signature");
    }

    [Fact]
    public async Task Compose_Listed_AnswersYesWithTheListingFirst()
    {
        var checks = new FakeChecks
        {
            Answer = r =>
            [
                new CheckResult(CheckKind.Blocklist, "203.0.113.7 on Spamhaus ZEN", CheckStatus.Problem, "203.0.113.7 is listed on Spamhaus ZEN: SBL: Spamhaus Blocklist (spam sources and spam operations).")
                { Query = "7.113.0.203.zen.spamhaus.org A", Records = ["127.0.0.2"], ActionUrl = "https://check.spamhaus.org/results/?query=203.0.113.7", Source = "https://docs.spamhaus.com/x" },
                new CheckResult(CheckKind.Blocklist, "203.0.113.7 on Barracuda BRBL", CheckStatus.Unknown, "Barracuda BRBL cannot be read through this resolver, so \"not listed\" means nothing: its test entry 127.0.0.2 is not listed."),
                new CheckResult(CheckKind.Blocklist, "203.0.113.7 on SpamCop", CheckStatus.Ok, "203.0.113.7 is not listed on SpamCop."),
            ],
        };
        var (reply, _, _) = await Ask("is 203.0.113.7 blacklisted?", checks);
        Assert.Equal("Yes: 203.0.113.7 is listed on Spamhaus ZEN: SBL: Spamhaus Blocklist (spam sources and spam operations); 1 check could not be made (Barracuda BRBL cannot be read through this resolver, so \"not listed\" means nothing: its test entry 127.0.0.2 is not listed).", reply.Answer.Headline);
        var table = reply.Answer.BlocksOf<TableBlock>().Single();
        Assert.Equal(["blocklist", "203.0.113.7 on Spamhaus ZEN", "PROBLEM"], table.Rows[0].Take(3));
        Assert.Contains(reply.Answer.Links, l => l.Url == "https://check.spamhaus.org/results/?query=203.0.113.7");
        Assert.Contains("7.113.0.203.zen.spamhaus.org A: 127.0.0.2", reply.Answer.BlocksOf<EvidenceBlock>().Single().Lines);
        Assert.Single(reply.Answer.Actions);
    }

    [Fact]
    public async Task Compose_DmarcProblem_LeadsWithIt()
    {
        var checks = new FakeChecks
        {
            Answer = r => [new CheckResult(CheckKind.Dmarc, "news.example.com", CheckStatus.Problem, "news.example.com publishes no DMARC policy: Gmail, Yahoo and Microsoft require one (p=none at least) from bulk senders, and Apple asks for one.") { Query = "_dmarc.example.com TXT" }],
        };
        var (reply, c, _) = await Ask("do we have DMARC problems?", checks);
        Assert.Equal([CheckKind.Dmarc], c.Requests.Single().Kinds);
        Assert.StartsWith("news.example.com publishes no DMARC policy", reply.Answer.Headline);
        Assert.Contains("_dmarc.example.com TXT: (no record)", reply.Answer.BlocksOf<EvidenceBlock>().Single().Lines);
        Assert.StartsWith("DMARC for news.example.com: publish one record at _dmarc.news.example.com", reply.Answer.Actions.Single());
    }

    [Fact]
    public async Task Compose_ChecksOff_SaysCannotCheckWithWhyAndManualLinks()
    {
        var (reply, _, _) = await Ask("are we on any blocklists?", new FakeChecks { CannotCheck = "DNS checks are switched off (Checks:Enabled is false)" });
        Assert.Equal("Cannot check: DNS checks are switched off (Checks:Enabled is false).", reply.Answer.Headline);
        Assert.Contains(reply.Answer.Links, l => l.Url.StartsWith("https://check.spamhaus.org/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compose_NoChecksRegistered_SaysNotSetUp()
    {
        var bot = TestBot.Create(Scenario.Create(), new ManualClock(Scenario.Now));
        var reply = await bot.AnswerAsync(new ChatTurn("test", "c1", null, "u", "check our spf"));
        Assert.Equal("Cannot check: DNS checks are not set up in this host.", reply.Answer.Headline);
    }
}
