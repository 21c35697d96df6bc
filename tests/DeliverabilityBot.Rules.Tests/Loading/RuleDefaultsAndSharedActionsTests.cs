using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Tests.Loading;

/// <summary>A rule file's <c>defaults:</c> (fields every rule inherits) and <c>sharedActions:</c> (steps used as <c>use: name</c>).</summary>
public class RuleDefaultsAndSharedActionsTests
{
    private static string File(string head, string rule2Extra = "", string rule1Actions = "[{use: escalate}, Fix the links.]") => $$"""
        family: SHA
        scope: generic
        {{head}}
        rules:
          - id: SHA1001
            title: Policy block one
            message: "{recipient}: policy"
            category: content-policy
            match:
              contains: "[XX01]"
            reason: policyviolation
            explanation: e
            actions: {{rule1Actions}}
            examples:
              - '554 5.7.1 [XX01] rejected'
          - id: SHA1002
            title: Policy block two
            message: "{recipient}: policy"
            category: content-policy
            {{rule2Extra}}
            match:
              contains: "[XX02]"
            reason: policyviolation
            explanation: e
            actions:
              - use: escalate
            examples:
              - '554 5.7.1 [XX02] rejected'
        """;

    private const string Head = """
        defaults:
          severity: error
          priority: 700
          helpUri: https://www.rfc-editor.org/rfc/rfc3463
          references:
            - url: https://www.rfc-editor.org/rfc/rfc3463
              confidence: official
          retryable: false
        sharedActions:
          escalate:
            - Do not suppress the recipient.
            - Write to the postmaster with the reply verbatim.
        """;

    private static DeliverabilityBot.Rules.Model.RuleDescriptor Rule(DeliverabilityBot.Rules.Loading.LoadedRuleSet set, string id) => Assert.Single(set.Rules, r => r.Id == id).Descriptor;

    [Fact]
    public void Load_RulesWithoutTheirOwnFields_InheritTheDefaults()
    {
        var set = TestRules.WithValid(TestRules.Inline("defaults.yaml", File(Head)));

        Assert.DoesNotContain(set.Diagnostics, d => d.IsError || d.Level == DiagnosticLevel.Warning);
        var rule = Rule(set, "SHA1001");
        Assert.Equal(700, rule.Priority);
        Assert.Equal(RuleSeverity.Error, rule.Severity);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc3463", rule.HelpUri);
        Assert.False(rule.Retryable);
        Assert.Single(rule.References);
    }

    [Fact]
    public void Load_RuleSettingAFieldItself_OverridesTheDefault()
    {
        var set = TestRules.WithValid(TestRules.Inline("defaults.yaml", File(Head, "priority: 650\n    severity: warning")));

        var rule = Rule(set, "SHA1002");
        Assert.Equal(650, rule.Priority);
        Assert.Equal(RuleSeverity.Warning, rule.Severity);
        Assert.Equal(700, Rule(set, "SHA1001").Priority);
    }

    [Fact]
    public void Load_UseOfASharedAction_ExpandsToItsStepsInPlace()
    {
        var set = TestRules.WithValid(TestRules.Inline("defaults.yaml", File(Head)));

        Assert.Equal(
            ["Do not suppress the recipient.", "Write to the postmaster with the reply verbatim.", "Fix the links."],
            Rule(set, "SHA1001").Actions);
        Assert.Equal(2, Rule(set, "SHA1002").Actions.Count);
    }

    [Fact]
    public void Load_UnknownSharedAction_Dbr0037SuggestsTheDefinedOne()
    {
        var set = TestRules.WithValid(TestRules.Inline("defaults.yaml", File(Head, rule1Actions: "[{use: escalte}]")));

        var d = Assert.Single(set.Diagnostics, d => d.Id == "DBR0037");
        Assert.True(d.IsError);
        Assert.Contains("unknown shared action 'escalte' in rule SHA1001", d.Message);
        Assert.Contains("did you mean 'escalate'", d.Message);
        Assert.DoesNotContain(set.Rules, r => r.Id == "SHA1001");
    }

    [Fact]
    public void Load_SharedActionNoRuleUses_Dbr0038Warning()
    {
        var head = Head + "\n  unused: Nobody says this.";
        var set = TestRules.WithValid(TestRules.Inline("defaults.yaml", File(head)));

        var d = Assert.Single(set.Diagnostics, d => d.Id == "DBR0038");
        Assert.Equal(DiagnosticLevel.Warning, d.Level);
        Assert.Contains("'unused'", d.Message);
    }

    [Fact]
    public void Load_BadDefaultValue_OneErrorAtTheDefaultsLineNotOnePerRule()
    {
        var set = TestRules.WithValid(TestRules.Inline("defaults.yaml", File(Head.Replace("severity: error", "severity: eror"))));

        var d = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.Contains("unknown severity 'eror'", d.Message);
        Assert.Equal(4, d.Location.Line);
        Assert.DoesNotContain(set.Rules, r => r.Id.StartsWith("SHA", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DefaultForAFieldRulesCannotInherit_UnknownKeyError()
    {
        var set = TestRules.WithValid(TestRules.Inline("defaults.yaml", File(Head.Replace("defaults:", "defaults:\n  explanation: shared"))));

        var d = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.Contains("unknown key 'explanation' in the file's defaults", d.Message);
    }
}
