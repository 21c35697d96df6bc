using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>"Help" and "I did not understand": what can be asked, and what data the answers would come from.</summary>
public static class HelpComposer
{
    private static readonly AnswerItem[] Examples =
    [
        new() { Title = "Diagnose", Explanation = "Why is icloud deferring us? · What's wrong with gmail today? · Any problems since Monday?" },
        new() { Title = "Act", Explanation = "What should we do? · How do we get unblocked?" },
        new() { Title = "See the evidence", Explanation = "Show me examples · Which bounces matched ICL1001?" },
        new() { Title = "Count", Explanation = "How many bounces in the last 24 hours? · Deferral rate for yahoo this week?" },
        new() { Title = "Explain", Explanation = "Paste a bounce, a log line or a DSN · What does 421 4.7.0 mean? · What is [CS01]? · TSS04?" },
        new() { Title = "Rules", Explanation = "What is ICL1001? · Which rules cover proofpoint?" },
    ];

    /// <summary>The help answer, with the store's newest event so people know what the answers cover.</summary>
    public static async Task<Composed> HelpAsync(IDeliverabilityQueries queries, CancellationToken ct)
    {
        var latest = await queries.LatestEventAsync(ct);
        return new Composed(new Answer
        {
            Intent = Intents.Help,
            Headline = "I answer questions about your mail delivery from the bounces and logs in the store, and explain any bounce you paste.",
            Figures = [new AnswerFigure("newest stored event", latest is { } t ? Numbers.Time(t) : "none yet: ingest a log with `dbot ingest PATH`, or start the server with --demo")],
            Items = Examples,
            FollowUps = FollowUps.Starters,
        });
    }

    /// <summary>The answer when nothing was understood, echoing what was recognised.</summary>
    public static Composed Unknown(Question q)
    {
        var shown = q.Text.Length > 120 ? q.Text[..120] + "…" : q.Text;
        return new Composed(new Answer
        {
            Intent = Intents.Unknown,
            Headline = $"I did not understand \"{shown}\". I can diagnose a receiver, count bounces, show examples, explain a bounce or a code, and describe rules.",
            Items = Examples,
            FollowUps = FollowUps.Starters,
        });
    }
}
