using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "Which IPs are affected?", "is 203.0.113.7 blocked?": per sending IP rates at a receiver, the replies that name an
/// IP, and whether one IP or all of them are in trouble.
/// </summary>
public sealed partial class IpsIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => "ips";

    /// <inheritdoc />
    public override int Precedence => 15;

    /// <inheritdoc />
    public override int HelpOrder => 31;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "ip", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Sending IPs";

    /// <inheritdoc />
    public override string HelpLine => "Which IPs are affected? · Is 203.0.113.7 blocked? · Only one of our IPs or all?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } =
    [
        IntentCue.Of(IpsCue(), 4),
        new(IpState(), 4, c => c.Entities.Ip is not null && !c.HasEvidence, Once: true),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) =>
        ["Is it us or them?", "Are we on any blocklists?", "Show me examples", "What should we do?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var stats = await services.Queries.StatsAsync(question.Receiver, question.Window, cancellationToken);
        if (stats.Total.Attempts == 0) return new Composed(new Answer { Intent = Name, Headline = Totals.NoData(question) });
        if (question.Entities.Ip is { } ip)
        {
            var examples = (await services.Queries.ExamplesAsync(question.Receiver, question.Window, null, 50, cancellationToken))
                .Where(e => e.SendingIp == ip || e.Reply.Contains(ip, StringComparison.Ordinal)).Take(5).ToList();
            return new Composed(OneIp(question, stats, ip, examples));
        }
        return new Composed(AllIps(question, stats));
    }

    /// <summary>The answer about one IP.</summary>
    public static Answer OneIp(Question q, StatsReport stats, string ip, IReadOnlyList<EvidenceExample> examples)
    {
        var row = stats.BySendingIp.FirstOrDefault(r => r.Key == ip);
        var others = stats.BySendingIp.Where(r => r.Key != ip && r.Attempts > 0).ToList();
        var blockReplies = examples.Where(e => BlockWords().IsMatch(e.Reply)).ToList();
        // Class by class (deferred with deferred, bounced with bounced): a 4xx and a 5xx say different things.
        var othersRate = others.Count == 0 ? string.Empty
            : $", against {Breakdown.Rate(new StatsRow("others", others.Sum(r => r.Attempts), others.Sum(r => r.Delivered), others.Sum(r => r.Deferred), others.Sum(r => r.Bounced)))} for our other IPs";
        var headline = row is null || row.Attempts == 0
            ? $"No attempts from {ip} to {q.ReceiverName} {q.RangeText}; our sending IPs there were {string.Join(", ", stats.BySendingIp.Select(r => r.Key).Take(5))}."
            : (blockReplies.Count > 0 ? $"Yes: {q.ReceiverName} refused mail from {ip} with block replies {q.RangeText}" : $"{ip} at {q.ReceiverName} {q.RangeText}: no block reply names it")
              + $" ({Breakdown.Rate(row)} of its {Numbers.Count(row.Attempts)} attempts{othersRate}).";
        return new Answer
        {
            Intent = "ips",
            Subject = $"{ip} · {q.ReceiverName} · {q.RangeText}",
            Headline = headline,
            Blocks =
            [
                Breakdown.Table("sending IP", stats.BySendingIp.OrderByDescending(Breakdown.Trouble)),
                new EvidenceBlock(examples.Select(DiagnosisItems.Example).ToList()) { Title = $"Replies for {ip}" },
                new ListBlock(Guidance) { Title = "Keep in mind" },
                new LinksBlock([new AnswerLink("Proofpoint IP lookup", "https://ipcheck.proofpoint.com/?ip=" + Uri.EscapeDataString(ip))]),
            ],
        };
    }

    /// <summary>The answer about all our IPs at a receiver.</summary>
    public static Answer AllIps(Question q, StatsReport stats)
    {
        var comparable = Breakdown.Comparable(stats.BySendingIp);
        var affected = comparable.Where(Breakdown.IsAffected).ToList();
        var headline = comparable.Count == 0 ? $"Too few attempts per IP to {q.ReceiverName} {q.RangeText} to compare them."
            : affected.Count == 0 ? $"None of our {comparable.Count} sending IPs is affected at {q.ReceiverName} {q.RangeText} (each under {Numbers.Percent(5, 100)} deferred or bounced)."
            : Breakdown.AllAlike(comparable) ? $"All {comparable.Count} of our sending IPs are affected alike at {q.ReceiverName} {q.RangeText}, so it is not one IP: the cause is at the receiver or in what all our mail shares."
            : $"{affected.Count} of our {comparable.Count} sending IPs {(affected.Count == 1 ? "is" : "are")} affected at {q.ReceiverName} {q.RangeText}: "
              + string.Join(", ", affected.Take(4).Select(r => $"{r.Key} ({Breakdown.Rate(r)})")) + ".";
        return new Answer
        {
            Intent = "ips",
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = headline,
            Blocks = [Breakdown.Table("sending IP", stats.BySendingIp.OrderByDescending(Breakdown.Trouble)), new ListBlock(Guidance) { Title = "Keep in mind" }],
        };
    }

    private static readonly IReadOnlyList<string> Guidance =
    [
        "An IP can be refused by a receiver without being on any public blocklist: receivers and filters such as Proofpoint keep their own reputation, and Proofpoint's lookup can show \"not blocked\" after a real dynamic block.",
        "Deferrals (4xx) on one IP only point at that IP's reputation or volume; the same rate on every IP points at the receiver or at the domain and content they share.",
    ];

    [GeneratedRegex(@"\b(?:block(?:ed)?|blacklist\w*|blocklist\w*|listed|poor reputation|dnsbl|rbl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockWords();

    [GeneratedRegex(@"\b(?:(?:which|what|our|sending|affected|all|both|the other|other)\s+(?:of our\s+)?(?:sending\s+)?ips?|ips?\s+(?:are|is|were)\s+(?:affected|blocked|listed|hit|involved)|per[- ]ip|by ip|ip addresses|sending ips?|(?:only )?one (?:of our )?ips?|ips? or all|every ip|each ip|all (?:of )?(?:our|the) ips|dedicated ips?)\b")]
    private static partial Regex IpsCue();

    [GeneratedRegex(@"\b(?:is|are|was|blocked|listed|blacklisted|blocklisted|ok|okay|fine|healthy|affected|status|reputation|rate|doing)\b")]
    private static partial Regex IpState();
}
