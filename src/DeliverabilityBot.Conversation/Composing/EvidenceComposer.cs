using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>"Show me examples": recent bounces verbatim (optionally only those a rule matched), with the totals.</summary>
public static class EvidenceComposer
{
    /// <summary>How many examples are shown.</summary>
    public const int Limit = 5;

    /// <summary>Composes the answer from <see cref="IDeliverabilityQueries.ExamplesAsync"/> and <see cref="IDeliverabilityQueries.StatsAsync"/>.</summary>
    public static async Task<Composed> ComposeAsync(Question q, IDeliverabilityQueries queries, CancellationToken ct)
    {
        var ruleId = q.Entities.RuleId;
        var examples = await queries.ExamplesAsync(q.Receiver, q.Window, ruleId, Limit, ct);
        if (examples.Count == 0 && ruleId is not null)
        {
            // The rule in focus matched nothing here: show the receiver's bounces rather than nothing, and say so.
            examples = await queries.ExamplesAsync(q.Receiver, q.Window, null, Limit, ct);
            ruleId = examples.Count > 0 ? null : ruleId;
        }
        var stats = await queries.StatsAsync(q.Receiver, q.Window, ct);
        var t = stats.Total;
        var matching = ruleId is null ? string.Empty : $" matching {ruleId}";
        var headline = examples.Count == 0
            ? $"No bounces{matching} from {q.ReceiverName} {q.RangeText}: {Totals.Sentence(t.Attempts, t.Delivered, t.Deferred, t.Bounced)}."
            : (examples.Count == 1 ? "The newest bounce" : $"The {Numbers.Count(examples.Count)} newest bounces")
              + $"{matching} from {q.ReceiverName} {q.RangeText} ({Totals.Sentence(t.Attempts, t.Delivered, t.Deferred, t.Bounced)}).";
        if (q.Entities.RuleId is not null && ruleId is null && examples.Count > 0)
            headline = $"No bounces matched {q.Entities.RuleId}; " + char.ToLowerInvariant(headline[0]) + headline[1..];
        return new Composed(new Answer
        {
            Intent = Intents.Evidence,
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = headline,
            Figures = t.Attempts == 0 ? [] : Totals.Figures(q, t.Attempts, t.Delivered, t.Deferred, t.Bounced),
            Items = examples.Select(e => new AnswerItem
            {
                Title = string.Join(" · ", new[] { e.Timestamp is { } ts ? Numbers.Time(ts) : null, e.Recipient }.Where(s => s is not null)) is { Length: > 0 } title ? title : "bounce",
                Explanation = string.Join(", ", new[] { e.RemoteHost is null ? null : "answered by " + e.RemoteHost, e.SendingIp is null ? null : "sent from " + e.SendingIp }.Where(s => s is not null)),
                Evidence = [e.Reply],
                RuleIds = e.RuleIds,
            }).ToList(),
            FollowUps = FollowUps.ForTraffic(q, Intents.Evidence),
        }, FocusRuleId: ruleId);
    }
}
