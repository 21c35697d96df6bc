using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Suppression;

namespace DeliverabilityBot.Core.Tests.Suppression;

public class SuppressionPolicyTests
{
    private static RecipientFailure F(string reply, string reason = "userunknown", string category = "recipient-mailbox", bool hard = true,
        SmtpStage stage = SmtpStage.RcptTo, bool later = false) =>
        new("bob@icloud.com", DateTimeOffset.UnixEpoch, "icloud", reason, category, stage, null, reply, hard, [], later);

    [Theory]
    [InlineData("550 5.1.1 <bob@icloud.com>: user does not exist")]
    [InlineData("550 5.1.6 recipient no longer on server", "hasmoved")]
    [InlineData("550 5.2.1 mailbox disabled", "suspend")]
    [InlineData("550 user unknown")]
    public void Decide_MailboxHardBounce_IsSafe(string reply, string reason = "userunknown") =>
        Assert.True(SuppressionPolicy.Decide(F(reply, reason)).Safe);

    [Theory]
    [InlineData("421 4.7.0 Deferred", "speeding", "volume")]
    [InlineData("554 5.4.7 [internal] message timeout (last transfail: 421 4.7.0)", "expired", "sender-queue")]
    [InlineData("550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.7", "blocked", "reputation")]
    [InlineData("554 5.7.1 [CS01] Message rejected due to local policy", "policyviolation", "content-policy")]
    [InlineData("550 5.7.26 Unauthenticated email is not accepted", "authfailure", "authentication")]
    [InlineData("550 5.1.1 <bob@icloud.com>: user lookup success but no user record found", "userunknown", "receiver-outage")]
    [InlineData("552 5.2.2 user is over quota", "mailboxfull", "recipient-mailbox")]
    [InlineData("550 5.7.1 user unknown", "userunknown", "recipient-mailbox")]
    [InlineData("450 4.1.1 user unknown", "userunknown", "recipient-mailbox")]
    public void Decide_NotAboutTheMailbox_IsHeld(string reply, string reason, string category) =>
        Assert.False(SuppressionPolicy.Decide(F(reply, reason, category)).Safe);

    [Fact]
    public void Decide_DeliveredAfterTheBounce_IsHeld() =>
        Assert.Equal("delivered or deferred after the failure", SuppressionPolicy.Decide(F("550 5.1.1 user unknown", later: true)).Why);

    [Fact]
    public void Decide_NotHardPerTheClassifier_IsHeld() =>
        Assert.False(SuppressionPolicy.Decide(F("550 5.1.1 inactive email address", hard: false)).Safe);

    [Fact]
    public void Decide_NoStatusAfterData_IsHeld() =>
        Assert.False(SuppressionPolicy.Decide(F("550 user unknown", stage: SmtpStage.EndOfData)).Safe);

    [Fact]
    public void Write_Csv_QuotesAndDefusesReplies()
    {
        var csv = SuppressionExport.Write([new SuppressionEntry("bob@icloud.com", "icloud", "userunknown", DateTimeOffset.UnixEpoch, "=550 \"no\", gone", "ICL1")], "csv");
        Assert.Equal("recipient,receiver,reason,last_bounce,rule,reply\r\nbob@icloud.com,icloud,userunknown,1970-01-01T00:00:00Z,ICL1,\"'=550 \"\"no\"\", gone\"\r\n", csv);
    }

    [Fact]
    public void Write_Json_HasOneObjectPerRecipient()
    {
        var json = SuppressionExport.Write([new SuppressionEntry("bob@icloud.com", "icloud", "userunknown", DateTimeOffset.UnixEpoch, "550 5.1.1", "ICL1")], "json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("bob@icloud.com", doc.RootElement[0].GetProperty("recipient").GetString());
    }
}
