namespace DeliverabilityBot.Rules.Matching.Compiled;

/// <summary>All children hold (short-circuit, in written order).</summary>
internal sealed class AllOf(ICompiledCondition[] children) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        foreach (var c in children)
            if (!c.Evaluate(facts, detail)) return false;
        return true;
    }
}

/// <summary>At least one child holds; with detail, the spans of the first that holds are kept.</summary>
internal sealed class AnyOf(ICompiledCondition[] children) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        foreach (var c in children)
        {
            var mark = detail?.Mark() ?? 0;
            if (c.Evaluate(facts, detail)) return true;
            detail?.Rewind(mark);
        }
        return false;
    }
}

/// <summary>The child does not hold (its spans are never recorded).</summary>
internal sealed class NoneOf(ICompiledCondition child) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail) => !child.Evaluate(facts, null);
}
