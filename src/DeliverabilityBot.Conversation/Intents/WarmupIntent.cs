using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "Should I warm up a new IP?": a direct answer (not as the fix), the 4xx/5xx split that decides what to do instead,
/// and the sources; never the diagnosis again. Added after the redesign as one file plus its tests.
/// </summary>
public sealed partial class WarmupIntent : IntentHandler
{
    private const string Seed = "https://www.suped.com/email-deliverability/answers/what-causes-proofpoint-to-block-or-defer-emails-sent-to-icloud-addresses-and-how-can-i-resolve-i";
    private const string ApplePage = "https://support.apple.com/en-us/102322";
    private const string ProofpointFaq = "https://www.proofpoint.com/us/support-services/ip-blocked-faq";

    /// <inheritdoc />
    public override string Name => "warmup";

    /// <inheritdoc />
    public override int Precedence => 11;

    /// <inheritdoc />
    public override int HelpOrder => 36;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "New IPs and warming";

    /// <inheritdoc />
    public override string HelpLine => "Should I warm up a new IP? · Would a new IP help?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(WarmupCue(), 7)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["What should we do?", "Which IPs are affected?", "Write the email to Apple"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var stats = await services.Queries.StatsAsync(question.Receiver, question.Window, cancellationToken);
        return new Composed(Build(question, stats));
    }

    /// <summary>The answer from the counts of the receiver in focus.</summary>
    public static Answer Build(Question q, StatsReport stats)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(stats);
        var t = stats.Total;
        var split = t.Attempts == 0 ? null
            : t.Deferred == 0 && t.Bounced == 0 ? $"{q.ReceiverName} {q.RangeText}: nothing deferred or refused, so there is nothing a new IP would fix."
            : t.Deferred >= t.Bounced
                ? $"{q.ReceiverName} {q.RangeText} is mostly deferring (4xx: {Numbers.Share(t.Deferred, t.Attempts)}; 5xx: {Numbers.Share(t.Bounced, t.Attempts)}): deferred mail is retried, so slow down and wait rather than move."
                : $"{q.ReceiverName} {q.RangeText} is mostly refusing (5xx: {Numbers.Share(t.Bounced, t.Attempts)}; 4xx: {Numbers.Share(t.Deferred, t.Attempts)}): act on the cause the replies name; a new IP sends the same mail into the same filter.";
        return new Answer
        {
            Intent = "warmup",
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = "Not as the fix: warming a new or dedicated IP alone does not clear a deferral pattern; first decide whether it is 4xx (deferred: wait, slow down) or 5xx (rejected: act on the cause).",
            Blocks =
            [
                new ListBlock(split is null ? [] : [split]),
                new ListBlock(
                [
                    "Dedicated IPs do not guarantee immunity, and re-warming alone did not fix the 2025 iCloud 421 pattern (Suped, from an Email Geeks thread; secondary source).",
                    "Apple asks senders to use consistent sending IPs and domains; a new IP is a change it sees, not a clean slate (Apple's postmaster page).",
                    "Proofpoint's delay state clears by itself within minutes and is about the IP's recent mail; an IP that keeps sending what it scores as spam stays blocked (Proofpoint's IP-blocked FAQ): fix what is sent before moving it.",
                    "A new IP still needs warming when volume genuinely grows; that is a plan for growth, not a remedy for this episode.",
                ]) { Title = "Why" },
                new LinksBlock([new AnswerLink("Suped: Proofpoint and iCloud deferrals", Seed), new AnswerLink("Apple postmaster page", ApplePage), new AnswerLink("Proofpoint IP-blocked FAQ", ProofpointFaq)]),
            ],
        };
    }

    [GeneratedRegex(@"\b(?:warm(?:ing)?[- ]?up|(?:ip ?|re-?)warm\w*|warm(?:ing)? (?:a |the |our |new |up )*ips?|(?:new|fresh|another|different|more|extra) (?:sending )?ips?\b(?! address)|(?:need|get|buy|add|use) (?:a |more )?dedicated ips?|(?:switch|move|rotate|migrate) (?:to )?(?:a )?(?:new |other |different )?ips?)")]
    private static partial Regex WarmupCue();
}
