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
    // A regex's first match also builds its automaton's states (and, first in a process, compiles the engine's code):
    // on a saturated machine that alone can pass the timeout. A sound pattern then matches in time on the second try;
    // only a second timeout is reported. The non-backtracking engine is linear, so a try costs at most the timeout.
    private const int Attempts = 2;

    public bool Evaluate(EventFacts facts, MatchDetail? detail)
    {
        if (!pattern.MayMatch(facts.FoldedText)) return false;
        if (pattern.Literal is { } literal) return MatchLiteral(literal, facts, detail);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Match(pattern.Regex, facts, detail);
            }
            catch (RegexMatchTimeoutException) when (attempt < Attempts)
            {
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

    // The same answer and span as the regex (a literal pattern has no groups), without building it.
    private bool MatchLiteral(LiteralPattern literal, EventFacts facts, MatchDetail? detail)
    {
        if (detail is null) return literal.IsMatch(facts.Text, facts.FoldedText);
        if (!literal.TryMatch(facts.Text, facts.FoldedText, out var index, out var length)) return false;
        detail.Spans.Add(new MatchedSpan(path, index, length, facts.Text.Substring(index, length)));
        return true;
    }

    private bool Match(Regex regex, EventFacts facts, MatchDetail? detail)
    {
        if (detail is null) return regex.IsMatch(facts.Text);
        var m = regex.Match(facts.Text);
        if (!m.Success) return false;
        detail.Spans.Add(new MatchedSpan(path, m.Index, m.Length, m.Value));
        foreach (var name in pattern.GroupNames)
            if (m.Groups[name] is { Success: true } g) detail.Groups[name] = g.Value;
        return true;
    }
}
