using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "Is it us or them?": the receiver against our other receivers, this window against the one before, and our IPs and
/// streams at once (all affected alike at one receiver = their side, or what all our mail shares).
/// </summary>
public sealed partial class CompareIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => "compare";

    /// <inheritdoc />
    public override int Precedence => 12;

    /// <inheritdoc />
    public override int HelpOrder => 15;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic | IntentAnchoring.FollowsSubject;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Us or them";

    /// <inheritdoc />
    public override string HelpLine => "Is it us or them? · Is it only iCloud? · Today vs the day before?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(CompareCue(), 4)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["Which IPs are affected?", "When did it start?", "What should we do?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var all = await services.Queries.StatsAsync(null, question.Window, cancellationToken);
        var now = question.Receiver is null ? all : await services.Queries.StatsAsync(question.Receiver, question.Window, cancellationToken);
        var before = await services.Queries.StatsAsync(question.Receiver, question.Window.Previous, cancellationToken);
        return new Composed(Build(question, all, now, before));
    }

    /// <summary>The answer from the reports: everything in the window, the receiver's, and the receiver's window before.</summary>
    public static Answer Build(Question q, StatsReport all, StatsReport now, StatsReport before)
    {
        if (now.Total.Attempts == 0) return new Answer { Intent = "compare", Headline = Totals.NoData(q) };
        var others = all.ByReceiver.Where(r => r.Key != q.Receiver).ToList();
        var othersRow = new StatsRow("all our other receivers", others.Sum(r => r.Attempts), others.Sum(r => r.Delivered), others.Sum(r => r.Deferred), others.Sum(r => r.Bounced));
        var ips = Breakdown.Comparable(now.BySendingIp);
        var streams = Breakdown.Comparable(now.ByStream);
        var here = now.Total with { Key = $"{q.ReceiverName} {q.RangeText}" };
        var verdict = Verdict(q, here, othersRow, ips, streams);
        var rows = new List<StatsRow> { here };
        if (before.Total.Attempts > 0) rows.Add(before.Total with { Key = $"{q.ReceiverName}, the window before" });
        if (q.Receiver is not null && othersRow.Attempts > 0) rows.Add(othersRow with { Key = $"{othersRow.Key}, same window" });
        return new Answer
        {
            Intent = "compare",
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = verdict + Trend(now.Total, before.Total),
            Blocks =
            [
                Breakdown.Table("compared", rows),
                Breakdown.Table("sending IP", now.BySendingIp.OrderByDescending(Breakdown.Trouble)) with { Title = "Our sending IPs" },
                Breakdown.Table("stream", now.ByStream) with { Title = "Our streams (messages)" },
            ],
        };
    }

    private static string Verdict(Question q, StatsRow here, StatsRow others, IReadOnlyList<StatsRow> ips, IReadOnlyList<StatsRow> streams)
    {
        if (!Breakdown.IsAffected(here)) return $"Nothing to compare: {q.ReceiverName} {q.RangeText} is fine ({Breakdown.Rate(here)})";
        var onlyHere = q.Receiver is not null && others.Attempts >= Breakdown.MinAttempts && !Breakdown.IsAffected(others);
        var alike = ips.Count < 2 || Breakdown.AllAlike(ips);
        var oneIp = ips.Count >= 2 && ips.Count(Breakdown.IsAffected) == 1;
        var where = $"{q.ReceiverName} {q.RangeText} ({Breakdown.Rate(here)})";
        if (onlyHere && alike && (streams.Count < 2 || Breakdown.AllAlike(streams)))
            return $"Their side, most likely: only {where} is affected while our other receivers are fine ({Breakdown.Rate(others)}), and all our {(ips.Count >= 2 ? "IPs" : "mail")} {(streams.Count >= 2 ? "and streams " : "")}are hit alike";
        if (oneIp)
            return $"Our side, one IP: at {where} only {ips.First(Breakdown.IsAffected).Key} is affected, our other IPs are fine";
        if (!onlyHere && q.Receiver is not null && others.Attempts >= Breakdown.MinAttempts)
            return $"Us, most likely: our other receivers are affected too ({Breakdown.Rate(others)}), not only {where}";
        return $"Mixed: {where} is affected, and our IPs are not hit alike; see the IP table";
    }

    private static string Trend(StatsRow now, StatsRow before)
    {
        if (before.Attempts == 0) return ".";
        var (a, b) = (Breakdown.Trouble(now), Breakdown.Trouble(before));
        var word = a > b * 1.2 && a - b > 0.01 ? "up from" : a < b * 0.8 && b - a > 0.01 ? "down from" : "about the same as";
        return $"; deferred or bounced {Numbers.Percent(now.Deferred + now.Bounced, now.Attempts)}, {word} {Numbers.Percent(before.Deferred + before.Bounced, before.Attempts)} in the window before.";
    }

    [GeneratedRegex(@"\b(?:us or (?:them|it|the receiver)|them or us|(?:our|their) (?:side|fault|end|problem)|(?:is|was) it (?:us|them|just us|only us|our|their)|is it just|is it only|only (?:at|with|to|for) (?:the )?\w+|just (?:at|with) \w+|compar\w*|vs\.?|versus|than (?:usual|normal|before|last week|yesterday)|other receivers|other providers|everyone else|other senders|same as (?:before|yesterday|last week)|(?:better|worse) than)\b")]
    private static partial Regex CompareCue();
}
