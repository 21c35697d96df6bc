using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Engine;

/// <summary>
/// Buckets rules by the receiver and reply class their top-level conditions require, so an event only evaluates
/// the predicates of rules that could match it. NRules does not hash-index alpha nodes, but it does share identical
/// ones: every rule's first condition is <c>facts.InBucket(k)</c>, one shared node per bucket, so rules of other
/// buckets are skipped after a single array read. The loop classifier uses the same buckets.
/// </summary>
public sealed class RuleIndex
{
    private readonly (string? Receiver, int ReplyClass)[] _buckets;

    /// <summary>Builds the index over <paramref name="rules"/>.</summary>
    public RuleIndex(IReadOnlyList<CompiledRule> rules)
    {
        var keys = new List<(string?, int)>();
        BucketOf = new int[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var key = KeyOf(rules[i]);
            var k = keys.IndexOf(key);
            if (k < 0)
            {
                keys.Add(key);
                k = keys.Count - 1;
            }
            BucketOf[i] = k;
        }
        _buckets = keys.ToArray();
        RulesInBucket = Enumerable.Range(0, _buckets.Length).Select(b => Enumerable.Range(0, rules.Count).Where(i => BucketOf[i] == b).ToArray()).ToArray();
    }

    /// <summary>The bucket of each rule, by position.</summary>
    public int[] BucketOf { get; }

    /// <summary>The rule positions of each bucket.</summary>
    public int[][] RulesInBucket { get; }

    /// <summary>Number of buckets.</summary>
    public int Count => _buckets.Length;

    /// <summary>A readable, unique name for bucket <paramref name="bucket"/> (e.g. <c>bucket 2: icloud 5xx</c>).</summary>
    public string Describe(int bucket)
    {
        var (receiver, replyClass) = _buckets[bucket];
        return $"bucket {bucket}: {receiver ?? "any receiver"} {(replyClass == 0 ? "any reply class" : $"{replyClass}xx")}";
    }

    /// <summary>Which buckets the event falls into.</summary>
    public bool[] Membership(EventFacts facts)
    {
        var codeClass = facts.Code < 0 ? -1 : facts.Code / 100;
        var member = new bool[_buckets.Length];
        for (var b = 0; b < _buckets.Length; b++)
        {
            var (receiver, replyClass) = _buckets[b];
            member[b] = (receiver is null || string.Equals(receiver, facts.Receiver, StringComparison.Ordinal))
                && (replyClass == 0 || replyClass == codeClass);
        }
        return member;
    }

    // A top-level receiver leaf with one value fixes the receiver; a top-level code leaf whose patterns share
    // a first digit fixes the reply class. Anything else (any/not, several values) goes to the wildcard bucket.
    private static (string?, int) KeyOf(CompiledRule rule)
    {
        var top = rule.Descriptor.Match is AllCondition all ? all.Children : [rule.Descriptor.Match];
        string? receiver = null;
        var replyClass = 0;
        foreach (var c in top)
        {
            if (c is LeafCondition { Field: "receiver", Values.Count: 1 } r) receiver = r.Values[0];
            if (c is LeafCondition { Field: "code" } code)
            {
                var classes = code.Values.Select(v => CodePattern.TryParse(v, out var p) ? p!.ReplyClass : 0).Distinct().ToArray();
                if (classes.Length == 1) replyClass = classes[0];
            }
        }
        return (receiver, replyClass);
    }
}
