using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing.Escalation;
using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class EscalateIntentTests
{
    [Theory]
    [InlineData("write the email to Apple", "receiver=icloud")]
    [InlineData("draft an email to icloud postmaster", "receiver=icloud")]
    [InlineData("can you write the mail to apple for me?", "receiver=icloud")]
    [InlineData("escalate to apple", "receiver=icloud")]
    [InlineData("draft a delisting request for Proofpoint", "receiver=proofpoint")]
    [InlineData("who should i email at proofpoint", "receiver=proofpoint")]
    [InlineData("who do we contact at Microsoft?", "receiver=microsoft")]
    [InlineData("open a ticket with yahoo sender support", "receiver=yahoo")]
    [InlineData("contact the icloud postmaster", "receiver=icloud")]
    [InlineData("we need to escalate this", "")]
    [InlineData("<@U024BE7LH> write the email to Apple", "receiver=icloud")]
    [InlineData("<at>DeliverabilityBot</at> prepare a complaint to outlook", "receiver=microsoft")]
    [InlineData("wrtie the email to apple", "receiver=icloud")]
    public void Understand_EscalationRequest_IsEscalate(string text, string entities) => UtteranceAssert.Understood(text, "escalate", entities);

    private static Conversation.Composing.Question Q(string receiver) => new()
    {
        Receivers = ShippedReceivers.Lexicon,
        Intent = "escalate",
        Entities = new Conversation.Understanding.Entities { Receiver = receiver },
        Range = Conversation.Understanding.TimeRange.Default,
        Window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now),
    };

    private static StatsReport Stats() => new()
    {
        Window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now),
        Total = new StatsRow("total", 2000, 1300, 620, 80),
        BySendingIp = [new("203.0.113.7", 1000, 300, 620, 80), new("203.0.113.8", 1000, 1000, 0, 0)],
        BySenderDomain = [new("news.example.com", 2000, 1300, 620, 80)],
        ByStream = [new("marketing", 2000, 1300, 620, 80)],
        ByHour = [new("2026-11-27T08", 100, 100, 0, 0), new("2026-11-27T09", 100, 60, 40, 0)],
    };

    private static readonly EvidenceExample Deferral = new(Scenario.Now.AddHours(-3), "ann@icloud.com", "mx01.mail.icloud.com", "203.0.113.7", "421 4.7.0 Deferred", ["ICL1030"]);
    private static readonly EvidenceExample Block = new(Scenario.Now.AddHours(-2), "bob@me.com", "mx02.mail.icloud.com", "203.0.113.7", Scenario.BlockReply, ["ICL1020", "PPT1001"]);

    private static EscalationEvidence Evidence(string target, string? company = "Example Corp") => new(
        ShippedReceivers.Registry.Find(target)!, ShippedReceivers.Registry.Find("icloud"), Stats(), [Block, Deferral], company, null, "in the last 24h");

    [Fact]
    public void Build_ICloud_DraftHasEveryFieldApplesPageAsksFor()
    {
        var a = Conversation.Intents.EscalateIntent.Build(Q("icloud"), Evidence("icloud"));
        var d = a.BlocksOf<DraftBlock>().Single();
        Assert.Equal("icloudadmin@apple.com", d.To);
        Assert.Contains("Company name: Example Corp", d.Body);
        Assert.Contains("Sending (email) domain: news.example.com", d.Body);
        Assert.Contains("Sending IPs affected: 203.0.113.7", d.Body);
        Assert.Contains("SMTP errors received from iCloud Mail (verbatim, UTC):", d.Body);
        Assert.Contains("2026-11-28 04:00 UTC from 203.0.113.7 to mx02.mail.icloud.com: " + Scenario.BlockReply, d.Body);
        Assert.Contains("2026-11-28 03:00 UTC from 203.0.113.7 to mx01.mail.icloud.com: 421 4.7.0 Deferred", d.Body);
        Assert.Contains("Started: 2026-11-27 09:00 UTC", d.Body);
        Assert.Contains("2,000 delivery attempts to iCloud", d.Body);
        Assert.Contains("What we have already done: [", d.Body);
        Assert.StartsWith("Here is a draft to iCloud", a.Headline);
        Assert.Contains("https://support.apple.com/en-us/102322", a.Headline);
        Assert.Contains(a.BlocksOf<ListBlock>().Single().Lines, l => l.StartsWith("Replies name Proofpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Proofpoint_DraftHasEveryFieldTheUnblockRequestAsksFor()
    {
        var a = Conversation.Intents.EscalateIntent.Build(Q("proofpoint"), Evidence("proofpoint") with { Examples = [Block] });
        var d = a.BlocksOf<DraftBlock>().Single();
        Assert.StartsWith("https://", d.To);
        Assert.Contains("proofpoint", d.To);
        Assert.Contains("Sending IPs affected: 203.0.113.7", d.Body);
        Assert.Contains("Recipient of blocked email: bob@me.com", d.Body);
        Assert.Contains("Type of email: marketing", d.Body);
        Assert.Contains("2026-11-28 04:00 UTC from 203.0.113.7 to mx02.mail.icloud.com: " + Scenario.BlockReply, d.Body);
        Assert.Contains("Recent problems on our network and what we changed: [", d.Body);
        Assert.Contains("Unblock request for 203.0.113.7", d.Subject);
    }

    [Fact]
    public void Build_NoCompanyConfigured_LeavesAClearPlaceholder()
    {
        var a = Conversation.Intents.EscalateIntent.Build(Q("icloud"), Evidence("icloud", company: null));
        Assert.Contains("Company name: [your company name]", a.BlocksOf<DraftBlock>().Single().Body);
        Assert.Contains("placeholders before sending", a.Headline);
    }

    [Fact]
    public void Build_LogRecordedNoIpStreamOrSenderDomain_PlaceholdersNotTheStatsGapName()
    {
        var gaps = new StatsReport
        {
            Window = Stats().Window,
            Total = Stats().Total,
            ByHour = Stats().ByHour,
            BySendingIp = [new(StatsReport.NotRecorded, 2000, 1300, 620, 80)],
            BySenderDomain = [new(StatsReport.NotRecorded, 2000, 1300, 620, 80)],
            ByStream = [new(StatsReport.NotRecorded, 2000, 1300, 620, 80)],
        };
        var noIp = Deferral with { SendingIp = null };
        var a = Conversation.Intents.EscalateIntent.Build(Q("icloud"), Evidence("icloud") with { Stats = gaps, Examples = [noIp] });

        var body = a.BlocksOf<DraftBlock>().Single().Body;
        Assert.DoesNotContain(StatsReport.NotRecorded, body);
        Assert.Contains("Sending IPs affected: [the sending IPs affected]", body);
        Assert.Contains("Sending (email) domain: [your sending domain]", body);
        Assert.Contains("Type of email: [type of mail", body);
    }

    [Fact]
    public async Task Compose_NoReceiverNamed_WritesToTheWorstReceiver()
    {
        var queries = Scenario.Create();
        var services = new Conversation.Intents.IntentServices(queries, Conversation.Intents.IntentRegistry.Discover(), new ChatBotOptions(), TimeProvider.System);
        queries.Stats["*"] = new StatsReport { Window = Stats().Window, Total = Stats().Total, ByReceiver = [new("icloud", 2000, 1300, 620, 80), new("gmail", 1000, 1000, 0, 0)] };
        var q = Q("icloud") with { Entities = new Conversation.Understanding.Entities() };
        var composed = await new Conversation.Intents.EscalateIntent().ComposeAsync(q, services, CancellationToken.None);
        Assert.Equal("icloud", composed.FocusReceiver);
        Assert.Equal("icloudadmin@apple.com", composed.Answer.BlocksOf<DraftBlock>().Single().To);
    }
}
