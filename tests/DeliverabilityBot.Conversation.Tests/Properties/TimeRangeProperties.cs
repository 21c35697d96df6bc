using CsCheck;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Tests.Properties;

/// <summary>Time ranges found in any text resolve to a window with from &lt;= to, at any reference time.</summary>
public class TimeRangeProperties
{
    private static readonly string[] Phrases =
    [
        "today", "yesterday", "since yesterday", "this week", "this month", "last 24 hours", "past 3 days", "previous 2 weeks",
        "last hour", "last 90 minutes", "48h", "7d", "2w", "30 mins", "since monday", "from last sunday", "since sat",
        "since 2026-11-20", "since 2099-12-31", "from 0001-01-01", "since 9999-12-31", "last 10000 weeks", "last 0 days",
        "since 2026-02-30", "last twenty-four hours", "past forty eight hours",
    ];

    private static readonly Gen<DateTimeOffset> Reference =
        Gen.Long[new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks]
            .Select(ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    [Fact]
    public void Find_AnyText_ResolvesFromNotAfterTo()
    {
        var text = Gen.Frequency<string>((3, Gen.Select(ChatTextGen.Mixed, Gen.OneOf<string>(Phrases), ChatTextGen.Mixed).Select((a, p, b) => $"{a} {p} {b}")), (1, ChatTextGen.Hostile));
        Gen.Select(text, Reference).Sample((question, reference) =>
        {
            if (TimeRangeParser.Find(question) is not { } range)
            {
                return;
            }

            var window = range.Resolve(reference);
            Assert.True(window.From <= window.To, $"'{range}' at {reference:O}: {window.From:O} > {window.To:O}");
            Assert.True(window.To <= reference, $"'{range}' at {reference:O} ends after the reference: {window.To:O}");
        }, iter: FuzzBudget.Iterations(500), threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Find_PhraseInSentence_IsFound()
    {
        var found = Phrases.Where(p => !p.Contains("0001") && !p.Contains("9999") && !p.Contains("02-30") && !p.Contains(" 0 ")).ToArray();
        Gen.Select(Gen.OneOf<string>(found), Gen.OneOf("why is icloud deferring us", "stats for gmail", "show me examples", "")).Sample((phrase, question) =>
        {
            Assert.NotNull(TimeRangeParser.Find($"{question} {phrase}?"));
        }, iter: FuzzBudget.Iterations(300), threads: FuzzBudget.Threads);
    }
}
