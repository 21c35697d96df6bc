using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Text;

namespace DeliverabilityBot.Rules.Matching.Compiled;

/// <summary>The reply text contains one of the values (ordinal, case-insensitive); the span is the first found.</summary>
internal sealed class TextContains(string path, string[] needles) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        foreach (var n in needles)
        {
            var i = IgnoreCaseSearch.IndexOf(facts.Text, n);
            if (i < 0) continue;
            detail?.Spans.Add(new MatchedSpan(path, i, n.Length, facts.Text.Substring(i, n.Length)));
            return true;
        }
        return false;
    }
}

/// <summary>
/// The reply text matches the regex; a reply without any of the pattern's required strings is no match without running
/// it. A timeout counts as no match and is reported, never thrown (as is a regex the engine refused to build).
/// </summary>
internal sealed class TextMatches(string path, RulePattern pattern, string ruleId, MatchTimeoutSink timeouts) : ICompiledCondition
{
    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        if (!pattern.MayMatch(facts.FoldedText)) return false;
        try
        {
            var regex = pattern.Regex;
            if (detail is null) return regex.IsMatch(facts.Text);
            var m = regex.Match(facts.Text);
            if (!m.Success) return false;
            detail.Spans.Add(new MatchedSpan(path, m.Index, m.Length, m.Value));
            foreach (var name in pattern.GroupNames)
                if (m.Groups[name] is { Success: true } g) detail.Groups[name] = g.Value;
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            timeouts.Report(ruleId, pattern.Text, facts.Event);
            return false;
        }
        catch (NotSupportedException ex)
        {
            timeouts.Report(ruleId, $"{pattern.Text} ({ex.Message})", facts.Event);
            return false;
        }
    }
}
