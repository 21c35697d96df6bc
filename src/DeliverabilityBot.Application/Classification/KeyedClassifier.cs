using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// Classifies events for callers that show conclusions and findings but no finding messages (the summary and the
/// JSON lines of <c>dbot classify</c>): the whole classification, shared per key (see <see cref="KeyedClassification{T}"/>).
/// </summary>
/// <remarks>
/// What the shared classification holds besides messages (rules, conclusions, explanations, actions, references)
/// depends on the key alone; its <see cref="BounceClassification.Event"/> and finding messages are those of the
/// first event with the key, not of the event asked about.
/// </remarks>
public sealed class KeyedClassifier(IBounceClassifier classifier) : KeyedClassification<BounceClassification>(classifier)
{
    /// <inheritdoc />
    protected override BounceClassification Keep(BounceClassification classification) => classification;
}
