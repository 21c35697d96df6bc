using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Suppression;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "Which recipients should be suppressed?": only mailbox-level hard bounces (the address does not exist, moved or is
/// disabled), never deferrals, expiries, policy, reputation, authentication or receiver outages; with the list as a
/// file (the same one <c>dbot suppress --format csv</c> writes).
/// </summary>
public sealed partial class SuppressIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => "suppress";

    /// <inheritdoc />
    public override int Precedence => 14;

    /// <inheritdoc />
    public override int HelpOrder => 34;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Suppression";

    /// <inheritdoc />
    public override string HelpLine => "Which recipients should we suppress? · Export the suppression list";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(SuppressCue(), 6)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["Why?", "Show me examples", "What should we do?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var report = await services.Queries.SuppressionAsync(question.Receiver, question.Window, cancellationToken);
        return new Composed(Build(question, report));
    }

    /// <summary>The answer from a report.</summary>
    public static Answer Build(Question q, SuppressionReport report)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(report);
        var held = report.Held.Sum(h => h.Recipients);
        var headline = report.Safe.Count == 0
            ? $"No recipient is safe to suppress at {q.ReceiverName} {q.RangeText}: no mailbox-level hard bounce"
              + (held + report.DeferredOnly > 0 ? $" (the {Numbers.Count(held + report.DeferredOnly)} recipients in trouble were deferred or refused for reasons about us or the receiver, not their mailbox)." : ".")
            : $"{Numbers.Count(report.Safe.Count)} {(report.Safe.Count == 1 ? "recipient is" : "recipients are")} safe to suppress at {q.ReceiverName} {q.RangeText}: "
              + "their mailbox does not exist, moved or is disabled (permanent 5.1.x/5.2.1 or mailbox wording at RCPT)"
              + (held + report.DeferredOnly > 0 ? $"; {Numbers.Count(held + report.DeferredOnly)} other recipients in trouble must not be suppressed." : ".");
        var scope = q.Receiver ?? "all";
        return new Answer
        {
            Intent = "suppress",
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = headline,
            Blocks =
            [
                new TableBlock(["recipient", "reason", "last bounce", "reply"],
                    report.Safe.Take(10).Select(e => (IReadOnlyList<string>)[e.Recipient, e.Reason, Numbers.Time(e.LastBounce), e.Reply]).ToList()) { Title = report.Safe.Count > 10 ? "First 10" : null },
                new FileBlock($"suppress-{scope}.csv", "text/csv", report.Safe.Count == 0 ? string.Empty : SuppressionExport.Write(report.Safe, "csv"),
                    "dbot suppress " + (q.Receiver is null ? string.Empty : q.Receiver + " ") + "--format csv"),
                new ListBlock(Kept(report)) { Title = "Not suppressed" },
                new ListBlock(Guidance) { Title = "Keep in mind" },
            ],
        };
    }

    private static List<string> Kept(SuppressionReport report)
    {
        var lines = report.Held.Select(h => $"{Numbers.Count(h.Recipients)} {(h.Recipients == 1 ? "recipient" : "recipients")}: {h.Why}").ToList();
        if (report.DeferredOnly > 0) lines.Add($"{Numbers.Count(report.DeferredOnly)} {(report.DeferredOnly == 1 ? "recipient" : "recipients")} only deferred (4xx is temporary)");
        return lines;
    }

    private static readonly IReadOnlyList<string> Guidance =
    [
        "Deferrals (4xx), queue expiries and refusals for policy, reputation, authentication or content are about our mail or IPs, not the recipient: suppressing them deletes customers whose mailboxes work.",
        "A sudden spike of \"user unknown\" across many recipients can be a receiver incident (iCloud answered 5.1.1 for real mailboxes on 2021-04-26): such receivers are held back while the diagnosis sees an outage.",
    ];

    [GeneratedRegex(@"\b(?:sup+ress\w*|unsubscrib\w+ (?:them|these|the bounces)|(?:remove|drop|delete|purge|prune|clean(?: up)?|scrub)\s+(?:(?:from|off) (?:our |the )?list\s+)?(?:the |these |those |which |any |bad |dead |invalid |hard[- ]bounced? |bouncing )*(?:recipients?|addresses|addrs|emails|contacts|subscribers|mailboxes|users|bounces)|(?:clean|scrub|prune|purge)\w* (?:the |our )?(?:mailing )?list|(?:dead|invalid|bad|non[- ]?existent|inactive) (?:addresses|recipients|mailboxes|emails|contacts)|(?:which|what) (?:recipients|addresses|emails|contacts) (?:should|can|must|do) we (?:stop|remove|drop|delete)|stop (?:mailing|sending to) (?:which|these|those|the dead)|hard[- ]bounce(?:d|s)? (?:list|export|to remove|addresses)|(?:export|download) (?:the |a )?(?:list of )?(?:hard )?bounces?|do not mail list)\b")]
    private static partial Regex SuppressCue();
}
