using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Tests.Matching;

namespace DeliverabilityBot.Rules.Tests.Properties;

/// <summary>
/// Every regex of every shipped rule and every test-data example rule, fed adversarial replies (long runs of the
/// pattern's own characters and words, repeated fragments, near-misses of the full cap): none times out, because each
/// runs on the non-backtracking engine, whose time is linear in the input.
/// </summary>
public class RegexHostileInputProperties
{
    private static readonly Regex[] Patterns =
        new[] { RuleSetLoader.Load(RuleSources.Embedded()), TestRules.Valid }
            .SelectMany(set => set.Rules)
            .SelectMany(r => RulePatternTests.Patterns(r.Descriptor.Match))
            .Select(p => Generous(p.Regex))
            .ToArray();

    [Fact]
    public void Patterns_ShippedAndExampleRules_AllNonBacktracking()
    {
        Assert.True(Patterns.Length > 50, $"only {Patterns.Length} rule regexes found");
        Assert.All(Patterns, p => Assert.True(p.Options.HasFlag(RegexOptions.NonBacktracking), p.ToString()));
    }

    [Fact]
    public void IsMatch_AdversarialInput_NeverTimesOut()
    {
        var gen =
            from pattern in Gen.OneOf<Regex>(Patterns)
            from input in Adversarial(pattern.ToString())
            select (pattern, input);
        gen.Sample(t =>
        {
            // A timeout throws RegexMatchTimeoutException, which fails the property.
            t.pattern.IsMatch(t.input);
            t.pattern.Match(t.input);
        }, iter: FuzzBudget.Iterations(400), threads: FuzzBudget.Threads);
    }

    // The same regex with a 5 s timeout: catastrophic backtracking on kilobytes takes far longer than that, while a
    // linear scan descheduled on a saturated test machine (seen past 250 ms) does not fail the property.
    private static Regex Generous(Regex r) => new(r.ToString(), r.Options, TimeSpan.FromSeconds(5));

    /// <summary>Inputs up to the cap built from the pattern itself: its words and characters repeated, with a spoiler at the end.</summary>
    private static Gen<string> Adversarial(string pattern)
    {
        var words = Regex.Matches(pattern, "[A-Za-z]{2,}").Select(m => m.Value).DefaultIfEmpty("a").ToArray();
        var chars = pattern.Where(c => !char.IsControl(c)).Distinct().DefaultIfEmpty('a').ToArray();
        var chunk = Gen.Frequency(
            (3, Gen.OneOf<string>(words).List[1, 6].Select(w => string.Join(' ', w))),
            (2, Gen.OneOf<char>(chars).Array[1, 8].Select(c => new string(c))),
            (1, Gen.OneOf<string>(" ", "  ", "-", ".", "a", "x", "@", ":", "\t")));
        return Gen.Select(chunk, Gen.Int[1, EventFacts.MaxTextLength], Gen.OneOf<string>("", "!", "\n", "x", "0"))
            .Select(t =>
            {
                var sb = new StringBuilder(t.Item2 + 8);
                while (sb.Length < t.Item2) sb.Append(t.Item1);
                sb.Length = t.Item2;
                return sb.Append(t.Item3).ToString();
            });
    }
}
