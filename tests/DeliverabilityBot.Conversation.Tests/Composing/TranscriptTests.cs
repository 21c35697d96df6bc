using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Conversation.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeliverabilityBot.Conversation.Tests.Composing;

public class TranscriptTests
{
    private readonly FakeQueries _queries = Scenario.Create();
    private readonly ManualClock _clock = new(Scenario.Now);

    private ChatBot Bot(IConversationStateStore? store = null, ChatBotOptions? options = null) =>
        TestBot.Create(_queries, _clock, store, options);

    private static Task<ChatReply> Ask(ChatBot bot, string text, string conversation = "c1", string? thread = null) =>
        bot.AnswerAsync(new ChatTurn("web", conversation, thread, "u1", text));

    [Fact]
    public async Task AnswerAsync_IssueTranscript_FollowUpsKeepContextAndGiveNumbers()
    {
        var bot = Bot();

        var why = await Ask(bot, "why is icloud deferring us?");
        Assert.Equal(("why", "icloud"), (why.Intent, why.Entities["receiver"]));
        Assert.Contains("620 of 2,000 attempts deferred (31%)", why.Answer.Headline);
        Assert.Contains("Proofpoint reputation deferrals", why.Answer.Headline);

        var actions = await Ask(bot, "what should we do?");
        Assert.Equal(("actions", "icloud"), (actions.Intent, actions.Entities["receiver"]));
        Assert.Equal(["Look up 203.0.113.7 at https://ipcheck.proofpoint.com/", "Lower concurrency to Apple domains", "Fix the deferrals first"], actions.Answer.Actions);

        var examples = await Ask(bot, "show me examples");
        Assert.Equal(("evidence", "icloud"), (examples.Intent, examples.Entities["receiver"]));
        Assert.Equal([Scenario.DeferralReply, Scenario.BlockReply], examples.Answer.Items.SelectMany(i => i.Evidence));

        var gmail = await Ask(bot, "and gmail?");
        Assert.Equal(("evidence", "gmail"), (gmail.Intent, gmail.Entities["receiver"]));
        Assert.Contains("8 of 5,000 attempts deferred", gmail.Answer.Headline);
        Assert.Contains("sam@gmail.com", gmail.Answer.Items[0].Title);
    }

    [Fact]
    public async Task AnswerAsync_WhyThenAndGmail_RepeatsWhyForGmail()
    {
        var bot = Bot();
        await Ask(bot, "why is icloud deferring us?");
        var gmail = await Ask(bot, "what about gmail");
        Assert.Equal(("why", "gmail"), (gmail.Intent, gmail.Entities["receiver"]));
        Assert.Contains("No systemic problem at Gmail", gmail.Answer.Headline);
    }

    [Fact]
    public async Task AnswerAsync_PastedBounceThenActionsThenExamples_StaysOnThatBounce()
    {
        var bot = Bot();
        var explained = await Ask(bot, "what's this?\n```\n554 5.7.1 [CS01] Message rejected due to local policy\n```");
        Assert.Equal("explain", explained.Intent);
        Assert.StartsWith("Rejected by iCloud: iCloud refused the message", explained.Answer.Headline);
        Assert.Equal(["ICL1001"], explained.Answer.Items[0].RuleIds);

        var actions = await Ask(bot, "what should we do?");
        Assert.Equal("actions", actions.Intent);
        Assert.Equal(Scenario.Cs01Rule.Actions, actions.Answer.Actions);

        await Ask(bot, "show me examples");
        Assert.Contains("examples icloud rule=ICL1001 limit=5", _queries.Calls);
    }

    [Fact]
    public async Task AnswerAsync_AfterIdleTimeout_ForgetsTheReceiver()
    {
        var bot = Bot(options: new ChatBotOptions { IdleTimeout = TimeSpan.FromMinutes(30) });
        await Ask(bot, "why is icloud deferring us?");
        _clock.Advance(TimeSpan.FromMinutes(31));
        var reply = await Ask(bot, "what should we do?");
        Assert.False(reply.Entities.ContainsKey("receiver"));
    }

    [Fact]
    public async Task AnswerAsync_WithinIdleTimeout_RemembersTheReceiver()
    {
        var bot = Bot(options: new ChatBotOptions { IdleTimeout = TimeSpan.FromMinutes(30) });
        await Ask(bot, "why is icloud deferring us?");
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("icloud", (await Ask(bot, "what should we do?")).Entities["receiver"]);
    }

    [Fact]
    public async Task AnswerAsync_NewBotOnSameSqliteFile_RemembersTheConversation()
    {
        var dir = Directory.CreateTempSubdirectory("dbot-conv-");
        try
        {
            await Ask(Bot(SqliteConversationStateStore.InFolder(dir.FullName)), "why is icloud deferring us since monday?");
            var restarted = Bot(SqliteConversationStateStore.InFolder(dir.FullName));
            var reply = await Ask(restarted, "what should we do?");
            Assert.Equal(("icloud", "since monday"), (reply.Entities["receiver"], reply.Entities["since"]));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnswerAsync_OtherThreadOrConversation_HasItsOwnContext()
    {
        var bot = Bot();
        await Ask(bot, "why is icloud deferring us?", "c1", "t1");
        Assert.False((await Ask(bot, "what should we do?", "c1", "t2")).Entities.ContainsKey("receiver"));
        Assert.False((await Ask(bot, "what should we do?", "c2")).Entities.ContainsKey("receiver"));
        Assert.Equal("icloud", (await Ask(bot, "what should we do?", "c1", "t1")).Entities["receiver"]);
    }

    [Fact]
    public async Task AnswerAsync_QueriesThrow_AnswersWithAnApologyInsteadOfThrowing()
    {
        _queries.Throw = new InvalidOperationException("database is locked");
        var reply = await Ask(Bot(), "why is icloud deferring us?");
        Assert.Contains("could not read the delivery history", reply.Answer.Headline);
        Assert.DoesNotContain("database is locked", reply.Answer.Headline);
    }

    [Fact]
    public async Task AnswerAsync_OldData_AnchorsTheWindowToTheNewestEvent()
    {
        _queries.Latest = Scenario.Now.AddDays(-3);
        await Ask(Bot(), "why is icloud deferring us?");
        var to = Scenario.Now.AddDays(-3).AddSeconds(1);
        Assert.Contains($"why icloud {to.AddHours(-24):O}..{to:O}", _queries.Calls);
    }

    [Fact]
    public async Task AnswerAsync_FreshData_UsesTheClock()
    {
        await Ask(Bot(), "how many bounces today?");
        Assert.Contains($"stats * {new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero):O}..{Scenario.Now:O}", _queries.Calls);
    }

    [Fact]
    public async Task AnswerAsync_RuleThenExamples_FiltersByThatRule()
    {
        var bot = Bot();
        var rule = await Ask(bot, "what is ICL1001?");
        Assert.Equal("ICL1001: iCloud [CS01] policy rejection (error, content-policy)", rule.Answer.Headline);
        await Ask(bot, "show me examples from icloud");
        Assert.Contains("examples icloud rule=ICL1001 limit=5", _queries.Calls);
    }

    [Fact]
    public async Task AnswerAsync_CodeAfterReceiverQuestion_IsExplainedWithoutThatReceiver()
    {
        var bot = Bot();
        await Ask(bot, "why is gmail deferring us?");
        var reply = await Ask(bot, "554 5.7.1 [CS01] Message rejected due to local policy");
        Assert.Equal("explain", reply.Intent);
        Assert.False(reply.Entities.ContainsKey("receiver"));
        Assert.Contains("explain - 554 5.7.1 [CS01] Message rejected due to local policy", _queries.Calls);
        Assert.StartsWith("Rejected by iCloud", reply.Answer.Headline);
    }

    [Fact]
    public async Task AnswerAsync_ConcurrentTurnsOfOneConversation_LoseNoState()
    {
        var store = new InMemoryConversationStateStore();
        var bot = Bot(store);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => Ask(bot, i % 2 == 0 ? "why is icloud deferring us?" : "and gmail?"))));
        Assert.Equal(40, (await store.GetAsync(new ConversationKey("web", "c1", null)))!.Turns);
    }

    [Fact]
    public async Task AnswerAsync_ForEverything_DropsTheRememberedReceiver()
    {
        var bot = Bot();
        await Ask(bot, "why is icloud deferring us?");
        var all = await Ask(bot, "how many bounces overall?");
        Assert.False(all.Entities.ContainsKey("receiver"));
    }
}
