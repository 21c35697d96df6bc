using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// Classifies events for storage through the runtime's classifier (the rules engine behind a
/// <see cref="CachingBounceClassifier"/>), keeping per key only what the store needs (see
/// <see cref="KeyedClassification{T}"/>). Lives for one ingest.
/// </summary>
public sealed class SummaryClassifier(IBounceClassifier classifier) : KeyedClassification<ClassificationSummary>(classifier)
{
    /// <inheritdoc />
    protected override ClassificationSummary Keep(BounceClassification classification) => ClassificationSummary.Of(classification);
}
