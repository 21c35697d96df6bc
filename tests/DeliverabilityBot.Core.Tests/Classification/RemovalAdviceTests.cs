using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Core.Tests.Classification;

public class RemovalAdviceTests
{
    [Theory]
    [InlineData("Suppress the address.")]
    [InlineData("Remove the address from the list (check it for typos first).")]
    [InlineData("Stop mailing the address; remove it if it stays disabled over several sends.")]
    [InlineData("Remove addresses at this domain.")]
    [InlineData("Ask the recipient for the new address; stop mailing the old one.")]
    public void IsRemovalAdvice_AdviceAboutThisRecipient_True(string action) => Assert.True(RemovalAdvice.IsRemovalAdvice(action));

    [Theory]
    [InlineData("Do not suppress the recipient.")]
    [InlineData("Check what the filter may object to (content, sender) before removing the address.")]
    [InlineData("Fix the cause the listing names, then request removal at Spamhaus.")]
    [InlineData("Remove purchased, stale and unengaged recipients; honour unsubscribes within 2 days.")]
    [InlineData("Find the listed domain among the message's links and remove it or have it delisted.")]
    [InlineData("Ask the recipient or their administrator to remove the block.")]
    [InlineData("Find the listed URL or domain among the message's links (your own, a tracker, a shortener) and remove it.")]
    public void IsRemovalAdvice_NegatedOrAboutOtherThings_False(string action) => Assert.False(RemovalAdvice.IsRemovalAdvice(action));

    [Fact]
    public void Actions_LowerFindingWithOtherReason_DropsItsRemovalAdvice()
    {
        var c = new BounceClassification
        {
            Event = new Events.BounceEvent { Source = "t" },
            Reason = "blocked",
            Receiver = "gmail",
            Findings =
            [
                new Finding { RuleId = "GML1002", Title = "t", Message = "m", Reason = "blocked", Actions = ["Do not suppress the recipients."] },
                new Finding { RuleId = "SMTP1013", Title = "t", Message = "m", Reason = "suspend", Actions = ["Stop mailing the address; remove it if it stays disabled.", "Read the reply."] },
            ],
        };

        Assert.Equal(["Do not suppress the recipients.", "Read the reply."], RemovalAdvice.Actions(c));
    }
}
