using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Tests.Answers;

public sealed class AnswerMaskerTests
{
    [Theory]
    [InlineData("550 5.1.1 <jane.doe@icloud.com>: User unknown", "550 5.1.1 <j***@icloud.com>: User unknown")]
    [InlineData("to=<j@me.com>, relay=mx01.mail.icloud.com", "to=<j***@me.com>, relay=mx01.mail.icloud.com")]
    [InlineData("a+tag@sub.example.co.uk and b_c@gmail.com.", "a***@sub.example.co.uk and b***@gmail.com.")]
    [InlineData("Final-Recipient: rfc822; Ana.Lopez@Yahoo.COM", "Final-Recipient: rfc822; A***@Yahoo.COM")]
    [InlineData("no address here, 421 4.7.0 @ 10:00", "no address here, 421 4.7.0 @ 10:00")]
    [InlineData("user@localhost", "user@localhost")]
    [InlineData("@icloud.com receivers", "@icloud.com receivers")]
    [InlineData("", "")]
    public void MaskAddresses_Text_LocalPartHiddenDomainKept(string text, string expected) =>
        Assert.Equal(expected, AnswerMasker.MaskAddresses(text));

    [Fact]
    public void MaskAddresses_LongRunOfAtSigns_Linear()
    {
        var hostile = string.Concat(Enumerable.Repeat("a@", 200_000)) + "b.c";

        var masked = AnswerMasker.MaskAddresses(hostile);

        Assert.EndsWith("a***@b.c", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecipientMasking.OutsideDirectMessages, true, false)]
    [InlineData(RecipientMasking.OutsideDirectMessages, false, true)]
    [InlineData(RecipientMasking.Always, true, true)]
    [InlineData(RecipientMasking.Never, false, false)]
    public void ShouldMask_ModeAndConversation(RecipientMasking mode, bool direct, bool expected) =>
        Assert.Equal(expected, AnswerMasker.ShouldMask(mode, direct));

    [Fact]
    public void Mask_Answer_EveryTextMaskedAndNothingElseChanged()
    {
        const string address = "jane.doe@icloud.com";
        var answer = new Answer
        {
            Intent = "evidence",
            Headline = $"1 bounce for {address}",
            Subject = address,
            Blocks = [new FiguresBlock([new AnswerFigure("recipient", address)]), new FindingsBlock([new AnswerItem
            {
                Title = address, Category = "recipient-mailbox", Confidence = 0.9, Explanation = address,
                Figures = [new AnswerFigure(address, "1")], Evidence = [$"550 5.1.1 <{address}>"], Actions = [address],
                RuleIds = ["SMTP1001"], References = ["https://example.com/"],
            }]), new ActionsBlock([address]), new LinksBlock([new AnswerLink(address, "mailto:" + address)])],
            FollowUps = [address],
        };

        var json = System.Text.Json.JsonSerializer.Serialize(AnswerMasker.Mask(answer));

        Assert.DoesNotContain(address, json, StringComparison.Ordinal);
        Assert.Equal(12, json.Split("j***@icloud.com").Length - 1);
        Assert.Contains("\"RuleIds\":[\"SMTP1001\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"Confidence\":0.9", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_AnswerShape_EveryPropertyCarriedOver()
    {
        // Mask copies the answer field by field (blocks map their own text): a field added to Answer or AnswerItem must be added to Mask too.
        Assert.Equal(
            ["Blocks", "FollowUps", "Headline", "Intent", "Subject"],
            typeof(Answer).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Actions", "Category", "Confidence", "Evidence", "Explanation", "Figures", "References", "RuleIds", "Title"],
            typeof(AnswerItem).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
