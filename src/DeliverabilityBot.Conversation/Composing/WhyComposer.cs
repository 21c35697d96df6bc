using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>"Why is iCloud deferring us?": the engine's ranked diagnoses with the numbers behind them.</summary>
public static class WhyComposer
{
    /// <summary>The most diagnoses listed.</summary>
    public const int MaxItems = 5;

    /// <summary>Composes the answer from <see cref="IDeliverabilityQueries.WhyAsync"/>.</summary>
    public static async Task<Composed> ComposeAsync(Question q, IDeliverabilityQueries queries, CancellationToken ct)
    {
        var report = await queries.WhyAsync(q.Receiver, q.Window, ct);
        return new Composed(Build(q, report));
    }

    /// <summary>Builds the answer from a report.</summary>
    public static Answer Build(Question q, WhyReport r)
    {
        var subject = $"{q.ReceiverName} · {q.RangeText}";
        if (r.Attempts == 0 && r.Diagnoses.Count == 0)
            return new Answer
            {
                Intent = Intents.Why, Subject = subject, Headline = Totals.NoData(q),
                FollowUps = ["How many bounces this week?", "Help"],
            };
        var items = r.Diagnoses.Take(MaxItems).Select(d => DiagnosisItems.From(d)).ToList();
        var top = r.Diagnoses.FirstOrDefault();
        var verdict = top is null ? "The rules drew no conclusion."
            : top.Category == "none" ? top.Title.TrimEnd('.') + "."
            : $"Most likely: {top.Title}.";
        return new Answer
        {
            Intent = Intents.Why,
            Subject = subject,
            Headline = $"{q.ReceiverName} {q.RangeText}: {Totals.Headline(r.Messages, r.Attempts, r.Delivered, r.Deferred, r.Bounced)}. {verdict}",
            Figures = Totals.Figures(q, r.Messages, r.Attempts, r.Delivered, r.Deferred, r.Bounced),
            Items = items,
            Actions = DiagnosisItems.MergeActions(items.Take(2)),
            Links = DiagnosisItems.Links(r.Diagnoses.Take(2).SelectMany(d => d.References)),
            FollowUps = FollowUps.ForTraffic(q, Intents.Why),
        };
    }
}
