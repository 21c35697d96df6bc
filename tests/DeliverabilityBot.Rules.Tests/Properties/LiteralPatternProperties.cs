using System.Text.RegularExpressions;
using CsCheck;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Tests.Matching;

namespace DeliverabilityBot.Rules.Tests.Properties;

/// <summary>
/// A literal pattern answers as the regex engine would: for every shipped and example pattern matched as literals,
/// replies built from its own words (random case, Kelvin signs, separators that make and break word boundaries) get
/// the same match, index and length from both.
/// </summary>
public class LiteralPatternProperties
{
    private static readonly (RulePattern Pattern, Regex Regex)[] Literals =
        new[] { RuleSetLoader.Load(RuleSources.Embedded(), RuleLoadOptions.WithoutExampleChecks), TestRules.Valid }
            .SelectMany(set => set.Rules)
            .SelectMany(r => RulePatternTests.Patterns(r.Descriptor.Match))
            .Where(p => p.Literal is not null)
            .DistinctBy(p => p.Text)
            .Select(p => (p, new Regex(p.Text, RuleRegex.Options, TimeSpan.FromSeconds(5))))
            .ToArray();

    [Fact]
    public void TryMatch_EveryLiteralPatternOnGeneratedReplies_SameAsTheEngine()
    {
        var matched = 0;
        var gen =
            from pattern in Gen.OneOf<(RulePattern Pattern, Regex Regex)>(Literals)
            from reply in RulePrefilterProperties.Reply(pattern.Pattern.Text)
            select (pattern, reply);
        gen.Sample(t =>
        {
            var m = t.pattern.Regex.Match(t.reply);
            var folded = CaseFold.FoldText(t.reply);
            var found = t.pattern.Pattern.Literal!.TryMatch(t.reply, folded, out var i, out var n);
            if (found) Interlocked.Increment(ref matched);
            return m.Success == found && (!found || (m.Index, m.Length) == (i, n)) && found == t.pattern.Pattern.Literal.IsMatch(t.reply, folded);
        }, iter: FuzzBudget.Iterations(2_000), threads: FuzzBudget.Threads);
        Assert.True(matched > 0, "no generated reply matched its pattern; the property tested nothing");
    }
}
