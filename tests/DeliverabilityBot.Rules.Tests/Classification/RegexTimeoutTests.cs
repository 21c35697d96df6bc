using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Classification;

public class RegexTimeoutTests
{
    private const string Pathological = """
        family: SPC
        scope: filter
        rules:
          - id: SPC1001
            title: Pathological
            message: m
            category: reputation
            severity: info
            helpUri: https://www.spamcop.net/
            references: [{url: "https://www.spamcop.net/", confidence: official}]
            match:
              regex: '^(a+)+$'
            explanation: e
            actions: [a]
            examples: ["550 aaaa"]
        """;

    [Fact]
    public void Classify_CatastrophicBacktracking_NoMatchAndDbr0028Reported()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", Pathological)]);
        Assert.Empty(set.Diagnostics);
        var reported = new List<string>();
        set.Timeouts.TimedOut += (id, _, _) => reported.Add(id);
        var classifier = new NRulesBounceClassifier(set);

        var c = classifier.Classify(new() { Reply = SmtpReply.Parse("550 " + new string('a', 40_000) + "!") });

        Assert.Empty(c.Findings);
        Assert.Equal(["SPC1001"], reported);
        Assert.Equal(1, set.Timeouts.Count);
    }

    [Fact]
    public void Load_ExampleThatTimesOutEveryTime_Dbr0016SaysTheRegexTimedOut()
    {
        var yaml = Pathological.Replace("examples: [\"550 aaaa\"]", "examples: [\"550 " + new string('a', 40_000) + "!\"]", StringComparison.Ordinal);

        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", yaml)]);

        var d = Assert.Single(set.Diagnostics, d => d.Id == "DBR0016");
        Assert.Contains("timed out", d.Message, StringComparison.Ordinal);
        Assert.Equal(3, set.Timeouts.Count); // tried again before blaming the pattern
    }
}
