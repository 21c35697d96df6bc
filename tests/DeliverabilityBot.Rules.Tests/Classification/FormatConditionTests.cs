using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;

namespace DeliverabilityBot.Rules.Tests.Classification;

/// <summary>The <c>format</c> condition: the system that produced the evidence (e.g. a gateway's DSN).</summary>
public class FormatConditionTests
{
    private static string RuleFile(string format, string example) => $$"""
        family: GWT
        scope: generic
        rules:
          - id: GWT1001
            title: Unknown user reported by a gateway
            message: "{recipient}: unknown user"
            category: list-hygiene
            severity: error
            priority: 60
            helpUri: https://www.rfc-editor.org/rfc/rfc3463
            references:
              - url: https://www.rfc-editor.org/rfc/rfc3463
                confidence: official
            match:
              format: {{format}}
              contains: no such user
            reason: userunknown
            explanation: The gateway looked the recipient up.
            actions:
              - Remove the address.
            examples:
              - {{example}}
            counterExamples:
              - "550 someone@example.org... No such user"
        """;

    private static BounceEvent Event(string? format) => new()
    {
        Recipient = "someone@example.org", RecipientDomain = "example.org",
        Reply = SmtpReply.Parse("550 someone@example.org... No such user"), SourceFormat = format,
    };

    [Fact]
    public void Classify_FormatCondition_FiresOnlyForThatFormat()
    {
        var set = TestRules.WithValid(TestRules.Inline("gateway.yaml", RuleFile("[mcafee, messagelabs]", "{reply: '550 someone@example.org... No such user', format: mcafee}")));
        Assert.DoesNotContain(set.Diagnostics, d => d.IsError);
        var engine = new NRulesBounceClassifier(set);

        Assert.Equal("GWT1001", engine.Classify(Event("mcafee")).Primary!.RuleId);
        Assert.Equal("GWT1001", engine.Classify(Event("messagelabs")).Primary!.RuleId);
        Assert.DoesNotContain(engine.Classify(Event("rfc3464")).Findings, f => f.RuleId == "GWT1001");
        Assert.DoesNotContain(engine.Classify(Event(null)).Findings, f => f.RuleId == "GWT1001");
    }

    [Fact]
    public void Classify_FormatCondition_ReportsTheFormatAsAMatchedSpan()
    {
        var set = TestRules.WithValid(TestRules.Inline("gateway.yaml", RuleFile("mcafee", "{reply: '550 someone@example.org... No such user', format: mcafee}")));
        var c = new NRulesBounceClassifier(set).Classify(Event("mcafee"));

        Assert.Contains(c.Primary!.Matches, m => m is { Condition: "match.format", Value: "mcafee", Start: -1 });
    }

    [Fact]
    public void Load_UnknownFormatInCondition_ErrorNamesItAndSuggests()
    {
        var set = TestRules.WithValid(TestRules.Inline("gateway.yaml", RuleFile("mcafe", "{reply: '550 someone@example.org... No such user', format: mcafee}")));

        var d = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue.Id, d.Descriptor.Id);
        Assert.Contains("unknown format 'mcafe'", d.Message);
        Assert.Contains("mcafee", d.Message);
    }

    [Fact]
    public void Load_ExampleWithoutTheFormat_Dbr0016ExampleDoesNotMatch()
    {
        var set = TestRules.WithValid(TestRules.Inline("gateway.yaml", RuleFile("mcafee", "'550 someone@example.org... No such user'")));

        Assert.Contains(set.Diagnostics, d => d.IsError && d.Descriptor.Id == "DBR0016");
    }

    [Fact]
    public void Load_UnknownFormatInExample_ErrorNamesIt()
    {
        var set = TestRules.WithValid(TestRules.Inline("gateway.yaml", RuleFile("mcafee", "{reply: '550 someone@example.org... No such user', format: nai}")));

        Assert.Contains(set.Diagnostics, d => d.IsError && d.Message.Contains("unknown format 'nai'", StringComparison.Ordinal));
    }
}
