using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Matching.Compiled;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>
/// One remembered classification: the findings and merged conclusions (which depend on the cache key alone), plus,
/// for each finding whose message has placeholders, its template and what the rule matched, so the message can be
/// filled for another event with the same key (its recipient and remote IP may differ).
/// </summary>
internal sealed class CachedClassification
{
    private readonly BounceClassification _template;
    private readonly (string Message, MatchDetail Detail)?[] _placeholders;
    private readonly bool _hasPlaceholders;

    private CachedClassification(BounceClassification template, (string, MatchDetail)?[] placeholders)
    {
        _template = template;
        _placeholders = placeholders;
        _hasPlaceholders = Array.Exists(placeholders, p => p is not null);
    }

    /// <summary>Remembers <paramref name="result"/>; re-runs the predicate of each finding with placeholders once for its groups.</summary>
    public static CachedClassification From(BounceClassification result, IReadOnlyDictionary<string, CompiledRule> rulesById, ReceiverAttributor attributor)
    {
        var placeholders = new (string, MatchDetail)?[result.Findings.Count];
        EventFacts? facts = null;
        for (var i = 0; i < placeholders.Length; i++)
        {
            if (!rulesById.TryGetValue(result.Findings[i].RuleId, out var rule) || rule.Descriptor.Message.IndexOf('{') < 0) continue;
            facts ??= attributor.Facts(result.Event);
            var detail = new MatchDetail();
            rule.Condition.Evaluate(facts, detail);
            placeholders[i] = (rule.Descriptor.Message, detail);
        }
        return new CachedClassification(result, placeholders);
    }

    /// <summary>The classification of <paramref name="bounce"/>, an event with the same key as the one remembered.</summary>
    public BounceClassification For(BounceEvent bounce, ReceiverAttributor attributor)
    {
        var findings = _template.Findings;
        if (_hasPlaceholders)
        {
            var facts = attributor.Facts(bounce);
            var filled = new Finding[findings.Count];
            for (var i = 0; i < filled.Length; i++)
                filled[i] = _placeholders[i] is var (message, detail) ? WithMessage(findings[i], MessageFormatter.Format(message, facts, detail)) : findings[i];
            findings = filled;
        }
        return new BounceClassification
        {
            Event = bounce,
            Findings = findings,
            Reason = _template.Reason,
            Receiver = _template.Receiver,
            Filter = _template.Filter,
            HardBounce = _template.HardBounce,
            Retryable = _template.Retryable,
        };
    }

    /// <summary>A copy of <paramref name="f"/> with another message (tests compare every property with uncached results).</summary>
    internal static Finding WithMessage(Finding f, string message) => new()
    {
        RuleId = f.RuleId, Title = f.Title, Message = message, Severity = f.Severity, Scope = f.Scope, Category = f.Category,
        Priority = f.Priority, Reason = f.Reason, Receiver = f.Receiver, Filter = f.Filter, Retryable = f.Retryable,
        HardBounce = f.HardBounce, Explanation = f.Explanation, Actions = f.Actions, References = f.References,
        HelpUri = f.HelpUri, Matches = f.Matches,
    };
}
