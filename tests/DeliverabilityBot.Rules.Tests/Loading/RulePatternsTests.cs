using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;

namespace DeliverabilityBot.Rules.Tests.Loading;

/// <summary>A rule file's shared <c>patterns:</c>, used in regexes as <c>(?&amp;name)</c>.</summary>
public class RulePatternsTests
{
    private static string File(string patterns, string regex1, string regex2) => $$"""
        family: SHP
        scope: generic
        patterns:
        {{patterns}}
        rules:
          - id: SHP1001
            title: Unknown user at RCPT
            message: "{recipient}: unknown"
            category: list-hygiene
            severity: error
            priority: 60
            helpUri: https://www.rfc-editor.org/rfc/rfc3463
            references:
              - url: https://www.rfc-editor.org/rfc/rfc3463
                confidence: official
            match:
              stage: rcpt-to
              regex: '{{regex1}}'
            reason: userunknown
            explanation: e
            actions: [a]
            examples:
              - {reply: '550 No such user here', stage: rcpt-to}
          - id: SHP1002
            title: Unknown user after DATA
            message: "{recipient}: filtered"
            category: content-policy
            severity: error
            priority: 60
            helpUri: https://www.rfc-editor.org/rfc/rfc3463
            references:
              - url: https://www.rfc-editor.org/rfc/rfc3463
                confidence: official
            match:
              stage: data
              regex: '{{regex2}}'
            reason: filtered
            explanation: e
            actions: [a]
            examples:
              - {reply: '550 Unknown user', stage: data}
        """;

    private const string Shared = "  unknownUser: 'no such user|unknown user'";

    [Fact]
    public void Load_PatternUsedByTwoRules_BothMatchItsWordings()
    {
        var set = TestRules.WithValid(TestRules.Inline("shared.yaml", File(Shared, "(?&unknownUser)", "(?&unknownUser)|mailbox unknown")));
        Assert.DoesNotContain(set.Diagnostics, d => d.IsError || d.Level == DiagnosticLevel.Warning);
        var engine = new NRulesBounceClassifier(set);

        var atRcpt = engine.Classify(new BounceEvent { Reply = SmtpReply.Parse("550 Unknown user"), Stage = SmtpStage.RcptTo });
        var atData = engine.Classify(new BounceEvent { Reply = SmtpReply.Parse("550 No such user"), Stage = SmtpStage.Data });

        Assert.Equal("SHP1001", atRcpt.Primary!.RuleId);
        Assert.Equal("SHP1002", atData.Primary!.RuleId);
        Assert.DoesNotContain(engine.Classify(new BounceEvent { Reply = SmtpReply.Parse("550 Mailbox unknown"), Stage = SmtpStage.RcptTo }).Findings, f => f.RuleId == "SHP1001");
        Assert.Equal("SHP1002", engine.Classify(new BounceEvent { Reply = SmtpReply.Parse("550 Mailbox unknown"), Stage = SmtpStage.Data }).Primary!.RuleId);
    }

    [Fact]
    public void Load_UnknownPatternName_Dbr0031SuggestsTheDefinedOne()
    {
        var set = TestRules.WithValid(TestRules.Inline("shared.yaml", File(Shared, "(?&unknownUsr)", "(?&unknownUser)")));

        var d = Assert.Single(set.Diagnostics, d => d.Id == "DBR0031");
        Assert.True(d.IsError);
        Assert.Contains("unknown pattern 'unknownUsr'", d.Message);
        Assert.Contains("unknownUser", d.Message);
        Assert.Null(set.Find("SHP1001"));
    }

    [Fact]
    public void Load_PatternNoRuleUses_Dbr0032Warning()
    {
        var set = TestRules.WithValid(TestRules.Inline("shared.yaml", File(Shared + "\n  leftover: 'x'", "(?&unknownUser)", "(?&unknownUser)")));

        var d = Assert.Single(set.Diagnostics, d => d.Id == "DBR0032");
        Assert.Equal(DiagnosticLevel.Warning, d.Level);
        Assert.Contains("'leftover'", d.Message);
    }

    [Theory]
    [InlineData("  9lives: 'x'", "DBR0031")]
    [InlineData("  broken: 'unknown (user'", "DBR0015")]
    public void Load_BadPatternNameOrRegex_ReportedWhereDefined(string patterns, string expectedId)
    {
        var set = TestRules.WithValid(TestRules.Inline("shared.yaml", File(patterns + "\n" + Shared, "(?&unknownUser)", "(?&unknownUser)")));

        Assert.Contains(set.Diagnostics, d => d.Id == expectedId && d.Location.Line == 4);
    }
}
