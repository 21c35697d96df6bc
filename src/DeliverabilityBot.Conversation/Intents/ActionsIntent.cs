using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "What should we do?": first whether the trouble is deferrals (4xx: wait, slow down) or rejections (5xx: act), then
/// each diagnosis' actions once, under its title, without repeating the diagnosis itself.
/// </summary>
public sealed partial class ActionsIntent : IntentHandler
{
    /// <summary>The most diagnoses whose actions are listed.</summary>
    public const int MaxDiagnoses = 3;

    /// <inheritdoc />
    public override string Name => "actions";

    /// <inheritdoc />
    public override int Precedence => 30;

    /// <inheritdoc />
    public override int HelpOrder => 20;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic | IntentAnchoring.FollowsSubject | IntentAnchoring.PastedSubject;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Act";

    /// <inheritdoc />
    public override string HelpLine => "What should we do? · How do we get unblocked?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(ActionsCue(), 3)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) =>
        question.SubjectIsEvidence ? ["Show me examples", "Why is icloud deferring us?"] : ["Show me examples", "Why?", "How many per hour?", Composing.FollowUps.OtherReceiver(question)];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        if (question.SubjectIsEvidence && question.Evidence is not null) return ForEvidence(question, services);
        var r = await services.Queries.WhyAsync(question.Receiver, question.Window, cancellationToken);
        return new Composed(Build(question, r));
    }

    /// <summary>The answer for a report.</summary>
    public static Answer Build(Question q, WhyReport r)
    {
        var subject = $"{q.ReceiverName} · {q.RangeText}";
        var actionable = r.Diagnoses.Where(d => d.Category != "none" && d.Actions.Count > 0).Take(MaxDiagnoses).ToList();
        if (actionable.Count == 0)
            return new Answer
            {
                Intent = "actions", Subject = subject,
                Headline = r.Attempts == 0 ? Totals.NoData(q)
                    : $"Nothing to fix for {q.ReceiverName} {q.RangeText}: no rule found a systemic problem ({Totals.Sentence(r.Attempts, r.Delivered, r.Deferred, r.Bounced)}).",
                Blocks = [new FiguresBlock(r.Attempts == 0 ? [] : Totals.Figures(q, r.Attempts, r.Delivered, r.Deferred, r.Bounced))],
            };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var blocks = new List<AnswerBlock> { FourOrFive(r) };
        foreach (var d in actionable)
        {
            var fresh = d.Actions.Where(seen.Add).ToList();
            blocks.Add(new ActionsBlock(fresh) { Title = $"For {d.Title} ({d.Id})" });
        }
        blocks.Add(new LinksBlock(DiagnosisItems.Links(actionable.SelectMany(d => d.References))));
        return new Answer
        {
            Intent = "actions",
            Subject = subject,
            Headline = $"First, for {actionable[0].Title} at {q.ReceiverName}: {actionable[0].Actions[0].TrimEnd('.')}.",
            Blocks = blocks,
        };
    }

    /// <summary>The seed case's first question, answered from the counts: deferred (4xx) or rejected (5xx)?</summary>
    public static ListBlock FourOrFive(WhyReport r)
    {
        var lines = new List<string>();
        if (r.Deferred > 0)
            lines.Add($"{Numbers.Count(r.Deferred)} attempts were deferred (4xx): the receiver asks you to wait and slow down; your MTA retries them until the queue lifetime ends, so lower the rate rather than resend.");
        if (r.Bounced > 0)
            lines.Add($"{Numbers.Count(r.Bounced)} attempts were rejected (5xx) or expired: they are not retried; act on the cause before sending more.");
        return new ListBlock(lines) { Title = "Deferred (4xx) or rejected (5xx)?" };
    }

    private static Composed ForEvidence(Question q, IntentServices services)
    {
        var explained = ExplainIntent.Explain(q, services.Queries);
        var a = explained.Answer;
        return explained with
        {
            Answer = new Answer
            {
                Intent = "actions",
                Subject = a.Subject,
                Headline = a.Actions.Count > 0 ? "What to do about the bounce you pasted: " + a.Headline : a.Headline,
                Blocks = a.Blocks,
            },
        };
    }

    [GeneratedRegex(@"\b(?:what (?:should|shall|can|do|must|would) (?:we|i|you) do|what to do|what now|what next|next steps?|how (?:do|can|should|would) (?:we|i) (?:fix|solve|stop|resolve|get|handle|deal|improve|recover)|how to (?:fix|solve|stop|resolve|get|handle|deal|improve|recover)|fix (?:it|this|that|them)|remediat\w*|recommend\w*|advi[cs]e|suggest\w*|get (?:unblocked|delisted|off)|delist\w*|unblock\w*|mitigat\w*|actions?|to-?do|solutions?|steps|what do you suggest|any ideas)\b")]
    private static partial Regex ActionsCue();
}
