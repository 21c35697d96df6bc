using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>"Show me examples": recent bounces verbatim (optionally only those a rule matched), with the totals.</summary>
public sealed partial class EvidenceIntent : IntentHandler
{
    /// <summary>How many examples are shown.</summary>
    public const int Limit = 5;

    /// <inheritdoc />
    public override string Name => "evidence";

    /// <inheritdoc />
    public override int Precedence => 20;

    /// <inheritdoc />
    public override int HelpOrder => 30;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic | IntentAnchoring.FollowsSubject | IntentAnchoring.RuleFocus;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since", "rule"];

    /// <inheritdoc />
    public override string HelpTitle => "See the evidence";

    /// <inheritdoc />
    public override string HelpLine => "Show me examples · Which bounces matched ICL1001?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(EvidenceCue(), 3)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) =>
        ["What should we do?", "How many per hour?", "Why?", Composing.FollowUps.OtherReceiver(question)];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var (q, queries, ct) = (question, services.Queries, cancellationToken);
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
            Intent = Name,
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = headline,
            Blocks =
            [
                new FiguresBlock(t.Attempts == 0 ? [] : Totals.Figures(q, t.Attempts, t.Delivered, t.Deferred, t.Bounced)),
                new FindingsBlock(examples.Select(e => new AnswerItem
            {
                Title = string.Join(" · ", new[] { e.Timestamp is { } ts ? Numbers.Time(ts) : null, e.Recipient }.Where(s => s is not null)) is { Length: > 0 } title ? title : "bounce",
                Explanation = string.Join(", ", new[] { e.RemoteHost is null ? null : "answered by " + e.RemoteHost, e.SendingIp is null ? null : "sent from " + e.SendingIp }.Where(s => s is not null)),
                Evidence = [e.Reply],
                RuleIds = e.RuleIds,
            }).ToList()),
            ],
        }, FocusRuleId: ruleId);
    }

    [GeneratedRegex(@"\b(?:examples?|samples?|evidence|show (?:me )?(?:the |some |a few )?(?:[\w.-]+ ){0,2}?(?:bounces|replies|errors|messages|lines|logs|raw|failures|deferrals|rejections|examples?)|which (?:bounces|messages|emails|mails|recipients|replies|addresses)|list (?:the |of )?(?:bounces|deferrals|failures|replies)|raw (?:replies|logs|bounces|lines)|log lines|actual (?:replies|errors|bounces)|proof(?![ -]?point))\b")]
    private static partial Regex EvidenceCue();
}
