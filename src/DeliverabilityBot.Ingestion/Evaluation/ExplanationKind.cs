using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Ingestion.Evaluation;

/// <summary>Decides <see cref="ExplainedBy"/> from the findings of one classification.</summary>
public static class ExplanationKind
{
    /// <summary>
    /// The most specific kind among <paramref name="findings"/>: a receiver, filter or sender rule by its family's scope;
    /// otherwise a generic rule that matched a span of the reply text; otherwise code only.
    /// </summary>
    public static ExplainedBy Of(IReadOnlyList<Finding> findings)
    {
        var best = ExplainedBy.CodeOnly;
        foreach (var f in findings)
        {
            var kind = f.Scope switch
            {
                RuleScope.Receiver => ExplainedBy.ReceiverRule,
                RuleScope.Filter => ExplainedBy.FilterRule,
                RuleScope.Sender => ExplainedBy.SenderRule,
                _ => f.Matches.Any(m => m.Start >= 0) ? ExplainedBy.ReplyTextRule : ExplainedBy.CodeOnly,
            };
            if (kind < best) best = kind;
        }
        return best;
    }
}
