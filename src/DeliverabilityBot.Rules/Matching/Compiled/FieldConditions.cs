using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Rules.Matching.Compiled;

/// <summary>A name field (the attributed receiver, the evidence's source format) is one of the values (ordinal).</summary>
internal sealed class NameIs(string path, string[] names, Func<EventFacts, string?> field) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        var value = field(facts);
        if (value is null || Array.IndexOf(names, value) < 0) return false;
        detail?.Spans.Add(new MatchedSpan(path, -1, 0, value));
        return true;
    }
}

/// <summary>A lower-case field (recipient domain or remote host) fits one of the globs.</summary>
internal sealed class GlobIs(string path, GlobPattern[] globs, Func<EventFacts, string?> field) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        var value = field(facts);
        if (value is null) return false;
        foreach (var g in globs)
        {
            if (!g.Matches(value)) continue;
            detail?.Spans.Add(new MatchedSpan(path, -1, 0, value));
            return true;
        }
        return false;
    }
}

/// <summary>The reply code fits one of the patterns.</summary>
internal sealed class CodeIs(string path, CodePattern[] patterns) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        if (facts.Code < 0) return false;
        foreach (var p in patterns)
        {
            if (!p.Matches(facts.Code)) continue;
            detail?.Spans.Add(new MatchedSpan(path, -1, 0, facts.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return true;
        }
        return false;
    }
}

/// <summary>The effective enhanced status fits one of the patterns.</summary>
internal sealed class StatusIs(string path, StatusPattern[] patterns) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        if (facts.Status is not { } status) return false;
        foreach (var p in patterns)
        {
            if (!p.Matches(status)) continue;
            detail?.Spans.Add(new MatchedSpan(path, -1, 0, status.ToString()));
            return true;
        }
        return false;
    }
}

/// <summary>An enum field (stage, action, kind) is one of the allowed values.</summary>
internal sealed class EnumIs(string path, bool[] allowed, Func<EventFacts, int> field, Func<int, string> name) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        var v = field(facts);
        if ((uint)v >= (uint)allowed.Length || !allowed[v]) return false;
        detail?.Spans.Add(new MatchedSpan(path, -1, 0, name(v)));
        return true;
    }
}
