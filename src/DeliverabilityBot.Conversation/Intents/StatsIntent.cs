using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>"How many?": totals, the change against the window before, and breakdowns by reason, IP, receiver and hour.</summary>
public sealed partial class StatsIntent : IntentHandler
{
    /// <summary>The most rows per breakdown.</summary>
    public const int MaxRows = 6;

    /// <inheritdoc />
    public override string Name => "stats";

    /// <inheritdoc />
    public override int Precedence => 40;

    /// <inheritdoc />
    public override int HelpOrder => 40;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Count";

    /// <inheritdoc />
    public override string HelpLine => "How many bounces in the last 24 hours? · Deferral rate for yahoo this week?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(StatsCue(), 3)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) =>
        ["Why?", "What should we do?", "Show me examples", Composing.FollowUps.OtherReceiver(question)];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var now = await services.Queries.StatsAsync(question.Receiver, question.Window, cancellationToken);
        var before = await services.Queries.StatsAsync(question.Receiver, question.Window.Previous, cancellationToken);
        return new Composed(Build(question, now, before));
    }

    /// <summary>Builds the answer from the two reports.</summary>
    public static Answer Build(Question q, StatsReport now, StatsReport before)
    {
        var t = now.Total;
        var subject = $"{q.ReceiverName} · {q.RangeText}";
        if (t.Attempts == 0)
            return new Answer { Intent = "stats", Subject = subject, Headline = Totals.NoData(q), FollowUps = Composing.FollowUps.Starters };
        var figures = Totals.Figures(q, now.Messages, t.Attempts, t.Delivered, t.Deferred, t.Bounced).ToList();
        var p = before.Total;
        if (p.Attempts > 0)
            figures.Add(new AnswerFigure("previous window", $"{Numbers.Count(p.Attempts)} attempts, {Numbers.Percent(p.Deferred, p.Attempts)} deferred, {Numbers.Percent(p.Bounced, p.Attempts)} bounced"));
        var items = new List<AnswerItem>();
        Add(items, "By reason", now.ByReason, problemsOnly: true);
        Add(items, "By sending IP", now.BySendingIp, problemsOnly: false);
        Add(items, "By sender domain", now.BySenderDomain, problemsOnly: false);
        if (q.Receiver is null) Add(items, "By receiver", now.ByReceiver, problemsOnly: false);
        AddHours(items, now.ByHour);
        return new Answer
        {
            Intent = "stats",
            Subject = subject,
            Headline = now.Messages.Total > 0
                ? $"{q.ReceiverName} {q.RangeText}: {MessageSentence.Of(now.Messages, null)}; {Numbers.Count(t.Attempts)} attempts, {Numbers.Percent(t.Deferred, t.Attempts)} deferred{Trend(t, p)}."
                : $"{q.ReceiverName} {q.RangeText}: {Numbers.Count(t.Attempts)} attempts, {Numbers.Percent(t.Delivered, t.Attempts)} delivered, "
                       + $"{Numbers.Percent(t.Deferred, t.Attempts)} deferred, {Numbers.Percent(t.Bounced, t.Attempts)} bounced{Trend(t, p)}.",
            Blocks = [new FiguresBlock(figures), new FindingsBlock(items)],
        };
    }

    private static string Trend(StatsRow now, StatsRow before)
    {
        if (before.Attempts == 0) return string.Empty;
        var rateNow = (double)(now.Deferred + now.Bounced) / now.Attempts;
        var rateBefore = (double)(before.Deferred + before.Bounced) / before.Attempts;
        var direction = rateNow > rateBefore * 1.2 && rateNow - rateBefore > 0.01 ? "up from"
            : rateNow < rateBefore * 0.8 && rateBefore - rateNow > 0.01 ? "down from"
            : "about the same as";
        return $" (deferred or bounced: {Numbers.Percent(now.Deferred + now.Bounced, now.Attempts)}, {direction} {Numbers.Percent(before.Deferred + before.Bounced, before.Attempts)} in the window before)";
    }

    private static void Add(List<AnswerItem> items, string title, IReadOnlyList<StatsRow> rows, bool problemsOnly)
    {
        var shown = rows.Where(r => !problemsOnly || r.Deferred + r.Bounced > 0)
            .OrderByDescending(r => problemsOnly ? r.Deferred + r.Bounced : r.Attempts)
            .Take(MaxRows)
            .Select(r => new AnswerFigure(r.Key, Row(r)))
            .ToList();
        if (shown.Count > 0) items.Add(new AnswerItem { Title = title, Figures = shown });
    }

    private static void AddHours(List<AnswerItem> items, IReadOnlyList<StatsRow> hours)
    {
        var rows = hours.Where(h => h.Attempts > 0).OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return;
        items.Add(new AnswerItem
        {
            Title = "By hour (UTC)",
            Figures = rows.Select(h => new AnswerFigure(HourLabel(h.Key), Row(h))).ToList(),
        });
    }

    private static string Row(StatsRow r) =>
        $"{Numbers.Count(r.Attempts)} attempts, {Numbers.Count(r.Deferred)} deferred ({Numbers.Percent(r.Deferred, r.Attempts)}), {Numbers.Count(r.Bounced)} bounced";

    // "2026-11-28T03" or "2026-11-28T03:00:00Z" -> "2026-11-28 03:00"
    private static string HourLabel(string key) =>
        key.Length >= 13 && key[10] == 'T' ? key[..10] + " " + key.Substring(11, 2) + ":00" : key;

    [GeneratedRegex(@"\b(?:how many|how much|how bad|count|counts|number of|numbers|stats|statistics|rates?|percent(?:age)?s?|trends?|trending|volume|breakdown|by hour|per hour|hourly|by reason|totals?|figures|metrics|delivered|delivery rate)\b")]
    private static partial Regex StatsCue();
}
