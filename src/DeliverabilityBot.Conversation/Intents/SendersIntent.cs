using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>"Which sender domain is affected?", "is marketing or transactional hit?": rates by sender domain and stream.</summary>
public sealed partial class SendersIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => "senders";

    /// <inheritdoc />
    public override int Precedence => 16;

    /// <inheritdoc />
    public override int HelpOrder => 32;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Sender domains and streams";

    /// <inheritdoc />
    public override string HelpLine => "Which sender domain is affected? · Is transactional or marketing hit?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(SendersCue(), 4)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["Which IPs are affected?", "Is it us or them?", "What should we do?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var stats = await services.Queries.StatsAsync(question.Receiver, question.Window, cancellationToken);
        return new Composed(Build(question, stats));
    }

    /// <summary>The answer from a report.</summary>
    public static Answer Build(Question q, StatsReport stats)
    {
        if (stats.Total.Attempts == 0) return new Answer { Intent = "senders", Headline = Totals.NoData(q) };
        var domains = Breakdown.Comparable(stats.BySenderDomain);
        var streams = Breakdown.Comparable(stats.ByStream);
        var affected = domains.Where(Breakdown.IsAffected).ToList();
        var headline = domains.Count == 0 ? $"Too little mail per sender domain to {q.ReceiverName} {q.RangeText} to compare."
            : affected.Count == 0 ? $"No sender domain is affected at {q.ReceiverName} {q.RangeText}."
            : Breakdown.AllAlike(domains) ? $"All {domains.Count} of our sender domains are affected alike at {q.ReceiverName} {q.RangeText}, so it is not one domain."
            : $"{affected.Count} of our {domains.Count} sender domains {(affected.Count == 1 ? "is" : "are")} affected at {q.ReceiverName} {q.RangeText}: "
              + string.Join(", ", affected.Take(4).Select(r => $"{r.Key} ({Breakdown.Rate(r)})")) + ".";
        var streamLine = streams.Count < 2 ? null
            : Breakdown.AllAlike(streams) ? $"Every stream is affected alike ({string.Join(", ", streams.Select(s => $"{s.Key} {Breakdown.Rate(s)}"))})."
            : $"By stream: {string.Join(", ", streams.Select(s => $"{s.Key} {Breakdown.Rate(s)}"))}.";
        return new Answer
        {
            Intent = "senders",
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = headline,
            Blocks =
            [
                Breakdown.Table("sender domain", stats.BySenderDomain.OrderByDescending(Breakdown.Trouble)),
                Breakdown.Table("stream", stats.ByStream) with { Title = "By stream (messages)" },
                new ListBlock(streamLine is null ? [] : [streamLine]),
            ],
        };
    }

    [GeneratedRegex(@"\b(?:sender domains?|sending domains?|from domains?|our domains?|which (?:of our )?domains?|(?:by|per) (?:sender )?domain|sender address(?:es)?|streams?|(?:transactional|marketing|newsletter|bulk) (?:stream|mail|traffic|emails?|messages?)|transactional or marketing|marketing or transactional|which brands?|subdomains?|return[- ]path domains?)\b")]
    private static partial Regex SendersCue();
}
