using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Tests.Matching;

/// <summary>
/// Literal patterns are matched without the regex engine, so they must answer exactly as it does: same match or no match,
/// same index and length, on every example reply of every shipped rule; word boundaries as the engine places them.
/// </summary>
public class LiteralPatternTests
{
    [Theory]
    [InlineData("over quota", 1)]
    [InlineData(@"user is over ?quota", 2)]
    [InlineData(@"unusual (rate|amount) of (unsolicited )?e?mail", 8)]
    [InlineData(@"\bIB(?:101|504|510|607)\b", 4)]
    [InlineData(@"From: header \(RFC5322\)", 1)]
    [InlineData(@"a|a|b", 2)]
    public void TryCreate_LiteralShapes_Strings(string pattern, int count) =>
        Assert.Equal(count, LiteralPattern.TryCreate(pattern)?.Count);

    [Theory]
    [InlineData(@"exceeded \d+ hops")]
    [InlineData(@"isn.t aligned")]
    [InlineData(@"\bAUP#(?<coxcode>CXDNS)\b")]
    [InlineData(@"^message filtered")]
    [InlineData(@"mail ?box (?i:full)")]
    [InlineData(@"(?=over)over")]
    [InlineData(@"quotas*")]
    [InlineData(@"(foo)?")]
    [InlineData(@"\bx\b|\b")]
    [InlineData("Fu\u00DFball")]
    [InlineData(@"[ab]c")]
    [InlineData(@"(a|b|c|d|e|f|g)(a|b|c|d|e|f|g)(a|b)")]
    public void TryCreate_RegexShapes_Null(string pattern) =>
        Assert.Null(LiteralPattern.TryCreate(pattern));

    [Theory]
    [InlineData(@"\bover ?quota\b", "552 user is OVER QUOTA.", 12, 10)]
    [InlineData(@"\bover ?quota\b", "552 overquotas, over quota", 16, 10)]
    [InlineData(@"ab|abc", "xxabc", 2, 2)]
    [InlineData(@"abc?", "xxabc", 2, 3)]
    [InlineData(@"abc??", "xxabc", 2, 2)]
    [InlineData(@"c|ab", "abc", 0, 2)]
    [InlineData(@"\bib103\b", "ib1030 IB103", 7, 5)]
    [InlineData(@"mailbox", "MAIL\u212A is not a mailbox", 15, 7)]
    [InlineData(@"\bok\b", "\u00E9ok ok\u00E9", -1, 0)]
    public void TryMatch_Reply_TheEnginesMatch(string pattern, string reply, int index, int length)
    {
        var literal = LiteralPattern.TryCreate(pattern)!;
        var regex = new Regex(pattern, RuleRegex.Options);

        var found = literal.TryMatch(reply, CaseFold.FoldText(reply), out var i, out var n);

        var m = regex.Match(reply);
        Assert.Equal(m.Success, found);
        Assert.Equal(found, literal.IsMatch(reply, CaseFold.FoldText(reply)));
        Assert.Equal(index, found ? i : -1);
        Assert.Equal(length, n);
        if (found) Assert.Equal((m.Index, m.Length), (i, n));
    }

    [Fact]
    public void IsWordChar_EveryUtf16Unit_AgreesWithTheEngine()
    {
        var after = new Regex(@"^a\b", RuleRegex.Options);
        var before = new Regex(@"\ba$", RuleRegex.Options);

        var disagreements = Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .Where(c => after.IsMatch("a" + c) == WordBoundary.IsWordChar(c) || before.IsMatch(c + "a") == WordBoundary.IsWordChar(c))
            .Select(c => $"U+{(int)c:X4}")
            .ToArray();

        Assert.Empty(disagreements);
    }

    [Fact]
    public void TryMatch_EveryShippedLiteralPatternOnEveryExampleReply_SameAsTheEngine()
    {
        var set = RuleSetLoader.Load(RuleSources.Embedded(), RuleLoadOptions.WithoutExampleChecks);
        var replies = set.Rules
            .SelectMany(r => r.Descriptor.Examples.Concat(r.Descriptor.CounterExamples))
            .Select(e => e.Reply ?? "")
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var literals = set.Rules.SelectMany(r => RulePatternTests.Patterns(r.Descriptor.Match))
            .Where(p => p.Literal is not null)
            .DistinctBy(p => p.Text)
            .ToArray();
        Assert.True(literals.Length > 60, $"only {literals.Length} literal patterns");

        var matches = 0;
        foreach (var p in literals)
        {
            var regex = new Regex(p.Text, RuleRegex.Options);
            foreach (var reply in replies)
            {
                var m = regex.Match(reply);
                var found = p.Literal!.TryMatch(reply, CaseFold.FoldText(reply), out var i, out var n);
                Assert.True(m.Success == found && (!found || (m.Index, m.Length) == (i, n)), $"{p.Text} on \"{reply}\": regex {m.Success} {m.Index}+{m.Length}, literal {found} {i}+{n}");
                Assert.Equal(found, p.Literal.IsMatch(reply, CaseFold.FoldText(reply)));
                if (found) matches++;
            }
        }
        Assert.True(matches > 100, $"only {matches} matches compared");
    }
}
