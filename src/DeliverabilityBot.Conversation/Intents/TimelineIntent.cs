using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "When did it start, how long has it lasted, when will deferred mail expire?": the hours with trouble, the rate over
/// time (as a chart), and the expiry of mail first deferred then, from the MTA's queue lifetime (<see cref="ChatBotOptions.QueueLifetime"/>).
/// </summary>
public sealed partial class TimelineIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => "timeline";

    /// <inheritdoc />
    public override int Precedence => 25;

    /// <inheritdoc />
    public override int HelpOrder => 35;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic | IntentAnchoring.FollowsSubject;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Timeline";

    /// <inheritdoc />
    public override string HelpLine => "When did it start? · How long has it lasted? · When will the deferred mail expire?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(TimelineCue(), 4)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["Is it us or them?", "What should we do?", "Which IPs are affected?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var stats = await services.Queries.StatsAsync(question.Receiver, question.Window, cancellationToken);
        return new Composed(Build(question, stats, services.Options.QueueLifetime));
    }

    /// <summary>The answer from a report and the queue lifetime.</summary>
    public static Answer Build(Question q, StatsReport stats, TimeSpan queueLifetime)
    {
        var hours = stats.ByHour.Where(h => h.Attempts > 0).Select(h => (At: HourOf(h.Key), Row: h)).Where(h => h.At is not null)
            .Select(h => (At: h.At!.Value, h.Row)).OrderBy(h => h.At).ToList();
        if (hours.Count == 0) return new Answer { Intent = "timeline", Headline = Totals.NoData(q) };
        var troubled = hours.Where(h => Breakdown.IsAffected(h.Row)).ToList();
        var chart = new ChartBlock($"Deferred and bounced share of attempts per hour, {q.ReceiverName} {q.RangeText}",
        [
            new ChartSeries("deferred %", hours.Select(h => new ChartPoint(h.At, 100.0 * h.Row.Deferred / h.Row.Attempts)).ToList()),
            new ChartSeries("bounced %", hours.Select(h => new ChartPoint(h.At, 100.0 * h.Row.Bounced / h.Row.Attempts)).ToList()),
        ]);
        var table = new TableBlock(["hour (UTC)", "attempts", "deferred", "bounced"],
            hours.Select(h => (IReadOnlyList<string>)[Numbers.Time(h.At), Numbers.Count(h.Row.Attempts), Numbers.Share(h.Row.Deferred, h.Row.Attempts), Numbers.Share(h.Row.Bounced, h.Row.Attempts)]).ToList())
        { Title = "By hour" };
        if (troubled.Count == 0)
            return new Answer
            {
                Intent = "timeline", Subject = $"{q.ReceiverName} · {q.RangeText}",
                Headline = $"No hour at {q.ReceiverName} {q.RangeText} had {Numbers.Percent(5, 100)} or more of its attempts deferred or bounced.",
                Blocks = [chart, table],
            };
        var (first, last) = (troubled[0].At, troubled[^1].At.AddHours(1));
        var ongoing = last >= q.Window.To.AddHours(-1);
        var startedAtWindow = first <= q.Window.From.AddHours(1);
        var firstDeferred = hours.FirstOrDefault(h => h.Row.Deferred > 0 && h.At >= first);
        var lines = new List<string>
        {
            $"Started {(startedAtWindow ? "at or before the start of the window, " : string.Empty)}{Numbers.Time(first)}; {(ongoing ? "still going on at" : "last seen in the hour to")} {Numbers.Time(last)} ({Duration(last - first)}).",
            $"{troubled.Count} of {hours.Count} hours with traffic had {Numbers.Percent(5, 100)} or more deferred or bounced; the worst, {Numbers.Time(troubled.MaxBy(h => Breakdown.Trouble(h.Row)).At)}, {Breakdown.Rate(troubled.MaxBy(h => Breakdown.Trouble(h.Row)).Row)}.",
        };
        if (firstDeferred.Row is not null)
            lines.Add($"Mail first deferred around {Numbers.Time(firstDeferred.At)} and still not delivered expires from our queue around {Numbers.Time(firstDeferred.At + queueLifetime)} (queue lifetime {Duration(queueLifetime)}, Postfix's maximal_queue_lifetime default 5 days; set Chat:QueueLifetime to yours). Until then it is retried, not lost.");
        return new Answer
        {
            Intent = "timeline",
            Subject = $"{q.ReceiverName} · {q.RangeText}",
            Headline = $"At {q.ReceiverName} it started {Numbers.Time(first)} and {(ongoing ? "has lasted " + Duration(last - first) + " so far" : "lasted " + Duration(last - first))}"
                + (firstDeferred.Row is null ? "." : $"; mail first deferred then expires around {Numbers.Time(firstDeferred.At + queueLifetime)} if still not delivered."),
            Blocks = [new ListBlock(lines), chart, table],
        };
    }

    private static DateTimeOffset? HourOf(string key) =>
        DateTimeOffset.TryParse(key.Length == 13 ? key + ":00:00Z" : key, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;

    private static string Duration(TimeSpan t) =>
        t.TotalDays >= 2 ? t.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " days"
        : t.TotalHours >= 1 ? t.TotalHours.ToString("0", CultureInfo.InvariantCulture) + " hours"
        : t.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " minutes";

    [GeneratedRegex(@"\b(?:when did (?:it|this|that|the \w+) (?:start|begin)|when (?:did|has) (?:it|this) started|since when|how long|started|start(?:ing)? time|timeline|expir\w*|queue lifetime|give up|over time|when did|still going on|still happening|is it over|stopped|duration|lasted|go on|how many hours|how many days)\b")]
    private static partial Regex TimelineCue();
}
