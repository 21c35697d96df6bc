using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Core.Classification;

/// <summary>Classifies bounce events with the loaded rule set. Implementations are thread-safe.</summary>
public interface IBounceClassifier
{
    /// <summary>Classifies one event.</summary>
    BounceClassification Classify(BounceEvent bounce);

    /// <summary>Classifies many events; results are in input order.</summary>
    IReadOnlyList<BounceClassification> ClassifyAll(IReadOnlyList<BounceEvent> bounces);
}
