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
}
