using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Tests.Matching;

namespace DeliverabilityBot.Rules.Tests.Properties;

/// <summary>
/// The prefilter never hides a match: for every regex of every shipped and example rule, a reply the regex matches
/// always contains one of its required strings. Replies are built from the pattern's own words in random case (the
/// Kelvin sign standing in for some k's), so most generated replies match something.
/// </summary>
public class RulePrefilterProperties
{
    // Each pattern with its regex at a 5 s timeout: a match descheduled on a saturated test machine is no counter-example.
    private static readonly (RulePattern Pattern, Regex Regex)[] Patterns =
        new[] { RuleSetLoader.Load(RuleSources.Embedded()), TestRules.Valid }
            .SelectMany(set => set.Rules)
            .SelectMany(r => RulePatternTests.Patterns(r.Descriptor.Match))
            .Select(p => (p, new Regex(p.Text, RuleRegex.Options, TimeSpan.FromSeconds(5))))
            .ToArray();

    [Fact]
    public void MayMatch_EveryShippedPatternOnReplyItMatches_True()
    {
        var matched = 0;
        var gen =
            from pattern in Gen.OneOf<(RulePattern Pattern, Regex Regex)>(Patterns)
            from reply in Reply(pattern.Pattern.Text)
            select (pattern, reply);
        gen.Sample(t =>
        {
            if (!t.pattern.Regex.IsMatch(t.reply)) return true;
            Interlocked.Increment(ref matched);
            return t.pattern.Pattern.MayMatch(CaseFold.FoldText(t.reply));
        }, iter: FuzzBudget.Iterations(2_000), threads: FuzzBudget.Threads);
        Assert.True(matched > 0, "no generated reply matched its pattern; the property tested nothing");
    }

    [Fact]
    public void MayMatch_EveryExampleOfEveryShippedRule_TrueWhereTheRegexMatches()
    {
        var set = RuleSetLoader.Load(RuleSources.Embedded());
        var checkedCount = 0;
        foreach (var rule in set.Rules)
            foreach (var example in rule.Descriptor.Examples.Concat(rule.Descriptor.CounterExamples))
                foreach (var p in RulePatternTests.Patterns(rule.Descriptor.Match))
                {
                    var text = example.Reply ?? "";
                    if (!Regex.IsMatch(text, p.Text, RuleRegex.Options, TimeSpan.FromSeconds(5))) continue;
                    checkedCount++;
                    Assert.True(p.MayMatch(CaseFold.FoldText(text)), $"{rule.Id}: {p.Text} on \"{text}\"");
                }
        Assert.True(checkedCount > 100, $"only {checkedCount} example matches checked");
    }

    /// <summary>Replies built from the pattern's words, in random case, some k's as the Kelvin sign.</summary>
    internal static Gen<string> Reply(string pattern)
    {
        var words = Regex.Matches(pattern, @"[\p{L}\d'#_.-]{2,}").Select(m => m.Value.Replace("\\", "", StringComparison.Ordinal)).DefaultIfEmpty("a").ToArray();
        var word = Gen.OneOf<string>(words);
        var separator = Gen.OneOf<string>(" ", " ", "-", "", ": ", "\n", " 5.1.1 ", "s ");
        return Gen.Select(Gen.Select(word, separator).List[1, 8], Gen.Int[0, int.MaxValue]).Select(t =>
        {
            var rng = new Random(t.Item2);
            var sb = new StringBuilder("550 ");
            foreach (var (w, s) in t.Item1) sb.Append(w).Append(s);
            for (var i = 0; i < sb.Length; i++)
            {
                var c = sb[i];
                if (c is 'k' or 'K' && rng.Next(4) == 0) sb[i] = '\u212A';
                else if (char.IsAsciiLetter(c) && rng.Next(3) == 0) sb[i] = char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            }
            return sb.ToString();
        });
    }
}
