using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Conversation.Tests.Understanding;

/// <summary>Chat knows every receiver the rule files declare, by every name, typo and domain they give, and nothing else.</summary>
public class ReceiverRegistryChatTests
{
    public static TheoryData<string, string> EveryNameOfEveryReceiver()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in ShippedReceivers.Registry.All.Where(r => r.IsReceiver))
            foreach (var term in r.Names.Concat(r.Typos).Concat(r.Domains).Distinct(StringComparer.Ordinal))
                data.Add(r.Id, term);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryNameOfEveryReceiver))]
    public void Understand_WhyQuestionNamingAReceiver_FindsItsId(string id, string name)
    {
        var u = TestBot.Understander.Understand($"why is {name} deferring us?", ShippedReceivers.Lexicon);

        Assert.Equal(id, u.Entities.Receiver);
    }

    // The whole chat path (`dbot ask`, the bots): the question reaches the store about that receiver. (Which intent
    // answers is the intent tests' business: "why is proof point deferring us?" is read as an evidence question.)
    [Theory]
    [MemberData(nameof(EveryNameOfEveryReceiver))]
    public async Task AnswerAsync_WhyQuestionNamingAReceiver_AsksTheStoreAboutThatReceiver(string id, string name)
    {
        var queries = new FakeQueries();
        var bot = TestBot.Create(queries, new ManualClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)));

        var reply = await bot.AnswerAsync(new ChatTurn("cli", "c1", null, "u1", $"why is {name} deferring us?"));

        Assert.Equal(id, reply.Entities["receiver"]);
        Assert.Contains(queries.Calls, c => c.Contains($" {id} ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("why is cox deferring us?", "cox")]
    [InlineData("why is spectrum bouncing our mail", "spectrum")]
    [InlineData("what is godaddy doing to us", "godaddy")]
    [InlineData("why is icluod deferring us?", "icloud")]
    [InlineData("stats for t-online this week", "tonline")]
    public void Understand_ReceiversOnlyTheRuleFilesName_AreRecognised(string text, string id) =>
        Assert.Equal(id, TestBot.Understander.Understand(text, ShippedReceivers.Lexicon).Entities.Receiver);

    [Fact]
    public void Understand_ReceiverDeclaredInARegistry_IsKnownWithoutCode()
    {
        var registry = new ReceiverRegistry([new ReceiverProfile { Id = "hey", DisplayName = "HEY", IsReceiver = true, Names = ["hey.com mail", "basecamp mail"], Domains = ["hey.com"] }]);
        var lexicon = new ReceiverLexicon(registry);

        Assert.Equal("hey", TestBot.Understander.Understand("why is basecamp mail rejecting us", lexicon).Entities.Receiver);
        Assert.Equal("hey", TestBot.Understander.Understand("why did mail to jo@hey.com bounce", lexicon).Entities.Receiver);
        Assert.Null(TestBot.Understander.Understand("why is icloud deferring us?", lexicon).Entities.Receiver);
        Assert.Equal("HEY", lexicon.DisplayName("hey"));
    }

    [Fact]
    public void Understand_FilterOnlyNamedInReplies_IsNotAReceiverToAskAbout() =>
        Assert.Null(TestBot.Understander.Understand("why is spamhaus listing us?", ShippedReceivers.Lexicon).Entities.Receiver);
}
