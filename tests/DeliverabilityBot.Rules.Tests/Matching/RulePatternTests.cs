using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model.Conditions;
using DeliverabilityBot.Rules.Tests.Classification;

namespace DeliverabilityBot.Rules.Tests.Matching;

public class RulePatternTests
{
    [Theory]
    [InlineData("user unknown", "user unknown")]
    [InlineData(@"\b(?:user|mailbox) (?:unknown|not found)\b", "user unknown|user not found|mailbox unknown|mailbox not found")]
    [InlineData("(?:e-?)?mail rejected", "mail rejected")] // "e-mail rejected" contains it
    [InlineData("[Ss]pam[- ]?trap", "spamtrap|spam-trap|spam trap")]
    [InlineData(@"Mailbox\s+full", "mailbox")]
    [InlineData(@"rate limit(?:ed)? \d+ exceeded|too many", "rate limited |rate limit |too many")]
    [InlineData(@"\bAUP#(?<code>\d+)", "aup#")]
    [InlineData(@"ELNK_1(?:0[12]|11)\b", "elnk_101|elnk_102|elnk_111")]
    [InlineData("ディレクトリには見つかりません", "ディレクトリには見つかりません")]
    [InlineData(@"\x41BC\.", "abc.")]
    [InlineData(@"[^a]bc?", "b")]
    [InlineData("caf\u00E9", "caf")] // é has other cases: the literal stops before it
    public void RequiredLiterals_Pattern_StringsEveryMatchContains(string pattern, string expected)
    {
        var p = RulePattern.TryCreate(pattern, out _, out _)!;

        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), p.RequiredLiterals!.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"^\s*$")]
    [InlineData(@".*")]
    [InlineData("a|")]
    [InlineData(@"(?:x)?y?")]
    [InlineData("(?x) user unknown")]
    [InlineData(@"\0user")]
    public void RequiredLiterals_NothingCertainOrUnreadable_None(string pattern) =>
        Assert.Null(RulePattern.TryCreate(pattern, out _, out _)!.RequiredLiterals);

    [Fact]
    public void MayMatch_TextWithoutAnyRequiredString_False()
    {
        var p = RulePattern.TryCreate(@"\b(?:user|mailbox) unknown", out _, out _)!;

        Assert.True(p.MayMatch(CaseFold.FoldText("550 5.1.1 USER UNKNOWN")));
        Assert.False(p.MayMatch(CaseFold.FoldText("550 5.1.1 user is unknown")));
        Assert.DoesNotMatch(p.Regex, "550 5.1.1 user is unknown");
    }

    [Fact]
    public void Load_WithoutExampleChecks_BuildsNoRegexUntilAReplyNeedsIt()
    {
        var set = RuleSetLoader.Load(RuleSources.Embedded(), RuleLoadOptions.WithoutExampleChecks);
        var patterns = set.Rules.SelectMany(r => Patterns(r.Descriptor.Match)).ToArray();
        Assert.True(patterns.Length > 100, $"only {patterns.Length} regexes");
        Assert.DoesNotContain(patterns, p => p.IsBuilt);

        var classification = new NRulesBounceClassifier(set).Classify(new BounceEvent
        {
            RecipientDomain = "icloud.com",
            Reply = SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy"),
        });

        Assert.NotEmpty(classification.Findings);
        // Literal patterns (LiteralPattern) are searched for, never built; the few others a reply needs are.
        var built = patterns.Count(p => p.IsBuilt);
        Assert.InRange(built, 0, patterns.Length / 10);
    }

    [Fact]
    public void Load_WithExampleChecks_BuildsEveryRegex()
    {
        var set = RuleSetLoader.Load(RuleSources.FromDirectory(TestRules.Dir("valid")));

        Assert.All(set.Rules.SelectMany(r => Patterns(r.Descriptor.Match)), p => Assert.True(p.IsBuilt, p.Text));
    }

    // The engine refuses this size of automaton, which the cheap load-time check does not compute.
    private const string TooLarge = "(?:spam{1000}){1000}";

    [Fact]
    public void Load_WithExampleChecks_RegexTheEngineRefuses_Dbr0034AndFileLeftOut()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", RegexTimeoutTests.Rule(TooLarge))]);

        var d = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.Equal("DBR0034", d.Id);
        Assert.Contains("non-backtracking", d.Message, StringComparison.Ordinal);
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Classify_WithoutExampleChecks_RegexTheEngineRefuses_ReportedAndNoMatch()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", RegexTimeoutTests.Rule(TooLarge))], RuleLoadOptions.WithoutExampleChecks);
        var reported = new List<string>();
        set.Timeouts.TimedOut += (id, _, _) => reported.Add(id);

        var c = new NRulesBounceClassifier(set).Classify(new BounceEvent { Reply = SmtpReply.Parse("550 spammmm aaaa") });

        Assert.Empty(c.Findings);
        Assert.Equal(["SPC1001"], reported);
        Assert.Equal(1, set.Timeouts.Count);
    }

    internal static IEnumerable<RulePattern> Patterns(Condition c) => c switch
    {
        AllCondition a => a.Children.SelectMany(Patterns),
        AnyCondition a => a.Children.SelectMany(Patterns),
        NotCondition n => Patterns(n.Child),
        LeafCondition { Pattern: { } p } => [p],
        _ => [],
    };
}
