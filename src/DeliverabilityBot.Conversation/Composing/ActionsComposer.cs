using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>"What should we do?": the actions of the diagnoses (or of the explained bounce) in focus, in order.</summary>
public static class ActionsComposer
{
    /// <summary>Composes the answer: from the pasted evidence when that is the subject, else from the receiver's diagnoses.</summary>
    public static async Task<Composed> ComposeAsync(Question q, IDeliverabilityQueries queries, CancellationToken ct)
    {
        if (q.SubjectIsEvidence && q.Evidence is not null) return ForEvidence(q, queries);
        var r = await queries.WhyAsync(q.Receiver, q.Window, ct);
        var subject = $"{q.ReceiverName} · {q.RangeText}";
        var actionable = r.Diagnoses.Where(d => d.Category != "none" && d.Actions.Count > 0).Take(3).ToList();
        if (actionable.Count == 0)
        {
            var why = r.Attempts == 0 ? Totals.NoData(q)
                : $"Nothing to fix for {q.ReceiverName} {q.RangeText}: {Totals.Sentence(r.Attempts, r.Delivered, r.Deferred, r.Bounced)}, and no rule found a systemic problem.";
            return new Composed(new Answer
            {
                Intent = Intents.Actions, Subject = subject, Headline = why,
                Figures = r.Attempts == 0 ? [] : Totals.Figures(q, r.Attempts, r.Delivered, r.Deferred, r.Bounced),
                Items = r.Diagnoses.Take(1).Select(d => DiagnosisItems.From(d, withEvidence: false)).ToList(),
                FollowUps = FollowUps.ForTraffic(q, Intents.Actions),
            });
        }
        var items = actionable.Select(d => DiagnosisItems.From(d, withEvidence: false)).ToList();
        return new Composed(new Answer
        {
            Intent = Intents.Actions,
            Subject = subject,
            Headline = $"What to do about {q.ReceiverName} {q.RangeText}, first for {actionable[0].Title}",
            Figures = Totals.Figures(q, r.Attempts, r.Delivered, r.Deferred, r.Bounced),
            Items = items,
            Actions = DiagnosisItems.MergeActions(items, max: 10),
            Links = DiagnosisItems.Links(actionable.SelectMany(d => d.References)),
            FollowUps = FollowUps.ForTraffic(q, Intents.Actions),
        });
    }

    private static Composed ForEvidence(Question q, IDeliverabilityQueries queries)
    {
        var explained = ExplainComposer.Explain(q, queries);
        var a = explained.Answer;
        return explained with
        {
            Answer = new Answer
            {
                Intent = Intents.Actions,
                Subject = a.Subject,
                Headline = a.Actions.Count > 0 ? "What to do about the bounce you pasted: " + a.Headline : a.Headline,
                Figures = a.Figures,
                Items = a.Items,
                Actions = a.Actions,
                Links = a.Links,
                FollowUps = FollowUps.ForExplain(explained.FocusReceiver),
            },
        };
    }
}
