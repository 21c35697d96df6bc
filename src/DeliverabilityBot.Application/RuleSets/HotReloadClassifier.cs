using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>
/// The classifier handed to services: each call takes the active snapshot once, so a batch is classified by one rule
/// set even when a reload lands half-way.
/// </summary>
internal sealed class HotReloadClassifier(HotRuleSet rules) : IBounceClassifier
{
    /// <inheritdoc />
    public BounceClassification Classify(BounceEvent bounce) => rules.Active.Classifier.Classify(bounce);

    /// <inheritdoc />
    public IReadOnlyList<BounceClassification> ClassifyAll(IReadOnlyList<BounceEvent> bounces) => rules.Active.Classifier.ClassifyAll(bounces);
}
