using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Classification;

/// <summary>The <c>{codes}</c> placeholder, through a shipped rule whose message uses it (SMTP1001).</summary>
public class MessagePlaceholderTests
{
    private static readonly NRulesBounceClassifier Shipped = new(RuleSetLoader.Load(RuleSources.Embedded()));

    [Theory]
    [InlineData("550 5.1.1 <kim@example.org>: Recipient address rejected: User unknown in local recipient table", "(550 5.1.1)")]
    [InlineData("550 <kim@example.org>: Recipient address rejected: User unknown in local recipient table", "(550)")]
    public void Format_Codes_ReplyCodeAndStatusAsPresentNeverTwice(string reply, string expected)
    {
        var c = Shipped.Classify(new BounceEvent
        {
            Recipient = "kim@example.org",
            RecipientDomain = "example.org",
            Stage = SmtpStage.RcptTo,
            Reply = SmtpReply.Parse(reply),
        });

        var finding = Assert.Single(c.Findings, f => f.RuleId == "SMTP1001");
        Assert.EndsWith(expected, finding.Message);
        Assert.DoesNotContain("550 550", finding.Message);
    }
}
