using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Tests.Mime;

/// <summary>Where the human-readable part of a bounce says why a recipient failed.</summary>
public class NotificationScanTests
{
    // sendmail lists the recipient alone first, then gives the reason in its transcript (lhost-sendmail-11 shape).
    private const string Sendmail =
        "   ----- The following addresses had permanent fatal errors -----\n<someone@example.org>\n\n" +
        "   ----- Transcript of session follows -----\n<someone@example.org>... Deferred: Name server: example.org.: host name lookup failure\n" +
        "Message could not be delivered for 8 hours\n";

    [Fact]
    public void ParagraphNear_RecipientFirstNamedAlone_TakesTheLaterMentionThatSaysWhy()
    {
        var text = NotificationScan.ParagraphNear(Sendmail, "someone@example.org");

        Assert.NotNull(text);
        Assert.StartsWith("<someone@example.org>... Deferred: Name server", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ParagraphNear_RecipientOnlyNamedAlone_Null()
    {
        Assert.Null(NotificationScan.ParagraphNear("Failed recipients:\n<someone@example.org>\n\nSorry.\n", "someone@example.org"));
    }

    [Fact]
    public void ParagraphNear_FirstMentionExplains_KeepsTheFirst()
    {
        var text = NotificationScan.ParagraphNear("someone@example.org: Domain does not exist\n\nsomeone@example.org again\n", "someone@example.org");

        Assert.Equal("someone@example.org: Domain does not exist", text);
    }
}
