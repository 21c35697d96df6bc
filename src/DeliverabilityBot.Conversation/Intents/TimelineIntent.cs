using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Charts;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "When did it start, how long has it lasted, when will deferred mail expire?", "show me a chart": the hours with
/// trouble, the deferral and bounce rates over time as a chart (hourly or daily, per sending IP when asked "by IP", one
/// IP when one is named), and the expiry of mail first deferred then, from the MTA's queue lifetime
/// (<see cref="ChatBotOptions.QueueLifetime"/>).
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
    public override string HelpLine => "When did it start? · When will the deferred mail expire? · Show me a chart (per IP)";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(TimelineCue(), 4), new(ChartCue(), 7, Once: true)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["Is it us or them?", "What should we do?", "Which IPs are affected?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var stats = await services.Queries.StatsAsync(question.Receiver, question.Window, cancellationToken);
        var timeline = await services.Queries.TimelineAsync(ChartRequest(question), cancellationToken);
        return new Composed(Build(question, stats, services.Options.QueueLifetime, timeline));
    }

    /// <summary>What the chart shows: the question's receiver and window, its IP when one is named, else one line per IP when asked "by IP".</summary>
    public static TimelineRequest ChartRequest(Question question) =>
        new(question.Receiver, question.Window, question.Entities.Ip, question.Entities.Ip is null && PerIp().IsMatch(question.Text));

    /// <summary>The answer from a report, the queue lifetime and (when there is one) the rate timeline to chart.</summary>
    public static Answer Build(Question q, StatsReport stats, TimeSpan queueLifetime, RateTimeline? timeline = null)
    {
        var hours = stats.ByHour.Where(h => h.Attempts > 0).Select(h => (At: HourOf(h.Key), Row: h)).Where(h => h.At is not null)
            .Select(h => (At: h.At!.Value, h.Row)).OrderBy(h => h.At).ToList();
        if (hours.Count == 0) return new Answer { Intent = "timeline", Headline = Totals.NoData(q) };
        var troubled = hours.Where(h => Breakdown.IsAffected(h.Row)).ToList();
        AnswerBlock[] chart = timeline is null || timeline.IsEmpty ? [] : [RateChart.Build(timeline, q.ReceiverName)];
        var table = new TableBlock(["hour (UTC)", "attempts", "deferred", "bounced"],
            hours.Select(h => (IReadOnlyList<string>)[Numbers.Time(h.At), Numbers.Count(h.Row.Attempts), Numbers.Share(h.Row.Deferred, h.Row.Attempts), Numbers.Share(h.Row.Bounced, h.Row.Attempts)]).ToList())
        { Title = "By hour" };
        if (troubled.Count == 0)
            return new Answer
            {
                Intent = "timeline", Subject = $"{q.ReceiverName} · {q.RangeText}",
                Headline = $"No hour at {q.ReceiverName} {q.RangeText} had {Numbers.Percent(5, 100)} or more of its attempts deferred or bounced.",
                Blocks = [.. chart, table],
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
            Blocks = [new ListBlock(lines), .. chart, table],
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

    [GeneratedRegex(@"\b(?:charts?|graphs?|plot(?:ted)?|visuali[sz]e\w*|diagram|sparkline|picture of|draw (?:it|me|the|a))\b")]
    private static partial Regex ChartCue();

    [GeneratedRegex(@"\b(?:per[- ](?:sending[- ])?ip|by (?:sending )?ips?|each (?:sending )?ip|every (?:sending )?ip|all (?:of )?(?:our |the )?(?:sending )?ips|(?:our|the) ips|split by ip|ip by ip)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerIp();
}
