using DeliverabilityBot.Core.Classification;
using System.Diagnostics;
using DeliverabilityBot.Application.Telemetry;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>
/// The classifier handed to services: each call takes the active snapshot once, so a batch is classified by one rule
/// set even when a reload lands half-way.
/// </summary>
internal sealed class HotReloadClassifier(HotRuleSet rules) : IBounceClassifier
{
    /// <inheritdoc />
    public BounceClassification Classify(BounceEvent bounce)
    {
        if (!DeliverabilityBotTelemetry.ClassificationDuration.Enabled) return rules.Active.Classifier.Classify(bounce);
        var start = Stopwatch.GetTimestamp();
        var result = rules.Active.Classifier.Classify(bounce);
        DeliverabilityBotTelemetry.ClassificationDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<BounceClassification> ClassifyAll(IReadOnlyList<BounceEvent> bounces)
    {
        if (!DeliverabilityBotTelemetry.ClassificationDuration.Enabled) return rules.Active.Classifier.ClassifyAll(bounces);
        var start = Stopwatch.GetTimestamp();
        var results = rules.Active.Classifier.ClassifyAll(bounces);
        DeliverabilityBotTelemetry.ClassificationDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        return results;
    }
}
