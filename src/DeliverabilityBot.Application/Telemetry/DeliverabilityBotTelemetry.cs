using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DeliverabilityBot.Application.Telemetry;

/// <summary>
/// The meter and activity source every host shares (the server exports them: OpenTelemetry, <c>/metrics</c>). An
/// instrument with no listener (the CLI) costs a flag test: nothing is measured unless something listens.
/// </summary>
public static class DeliverabilityBotTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "DeliverabilityBot";

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>The activity source (traces of answers and ingests).</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Events read and offered to the store by an ingest (<c>dbot.ingest.events</c>; its rate is the ingest rate).</summary>
    public static Counter<long> IngestedEvents { get; } = Meter.CreateCounter<long>("dbot.ingest.events", "{event}", "Events read and offered to the store by an ingest.");

    /// <summary>Events stored as new (<c>dbot.ingest.stored</c>).</summary>
    public static Counter<long> StoredEvents { get; } = Meter.CreateCounter<long>("dbot.ingest.stored", "{event}", "Events stored as new (not seen before).");

    /// <summary>Time to classify one call's events (<c>dbot.classification.duration</c>, seconds).</summary>
    public static Histogram<double> ClassificationDuration { get; } = Meter.CreateHistogram<double>("dbot.classification.duration", "s", "Time to classify the events of one call (one event, or a file's events).");

    /// <summary>Rule regexes that timed out and were treated as no match (<c>dbot.rules.regex_timeouts</c>, by rule).</summary>
    public static Counter<long> RegexTimeouts { get; } = Meter.CreateCounter<long>("dbot.rules.regex_timeouts", "{timeout}", "Rule regexes that timed out while matching (DBR0028); the event was classified without that rule.");

    /// <summary>Time from a question to its answer, by channel (<c>dbot.chat.answer.duration</c>, seconds).</summary>
    public static Histogram<double> AnswerDuration { get; } = Meter.CreateHistogram<double>("dbot.chat.answer.duration", "s", "Time to answer one chat turn, by channel (web, teams, slack).");
}
