using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Formats;

namespace DeliverabilityBot.Ingestion.Tests.Formats;

/// <summary>Which remote reply a sendmail transcript gives each recipient (shape of lhost-v5sendmail-07 in Sisimai's set).</summary>
public class SendmailTranscriptTests
{
    private const string Transcript =
        "   ----- Transcript of session follows -----\n" +
        "While talking to mx.example.org:\n" +
        ">>> MAIL From:<news@example.com>\n" +
        "<<< 501 <news@example.com>... no access from mail server [192.0.2.55] which is an open relay.\n" +
        "554 <a@example.org>... Remote protocol error\n" +
        "550 example.org (smtp)... 550 Host unknown\n" +
        "554 <b@example.org>... 550 Host unknown (Authoritative answer from name server)\n" +
        "While talking to smtp.example.net:\n" +
        ">>> RCPT To:<c@example.net>\n" +
        "<<< 550 <c@example.net>... User unknown\n" +
        "550 <c@example.net>... User unknown\n";

    [Fact]
    public void RemoteReplyFor_SendmailLineWithoutRemoteReply_TakesTheReplyAboveAndItsCommand()
    {
        var r = SendmailTranscript.RemoteReplyFor(Transcript, "a@example.org");

        Assert.NotNull(r);
        Assert.StartsWith("<<< 501 <news@example.com>... no access", r.Reply, StringComparison.Ordinal);
        Assert.Equal(SmtpStage.MailFrom, r.Stage);
    }

    [Fact]
    public void RemoteReplyFor_SendmailLineQuotingTheRemoteReply_Null()
    {
        Assert.Null(SendmailTranscript.RemoteReplyFor(Transcript, "b@example.org"));
    }

    [Fact]
    public void RemoteReplyFor_ReplyInItsOwnSession_StageOfThatSession()
    {
        var r = SendmailTranscript.RemoteReplyFor(Transcript, "c@example.net");

        Assert.NotNull(r);
        Assert.Equal("<<< 550 <c@example.net>... User unknown", r.Reply);
        Assert.Equal(SmtpStage.RcptTo, r.Stage);
    }

    [Fact]
    public void RemoteReplyFor_NoTranscript_Null()
    {
        Assert.Null(SendmailTranscript.RemoteReplyFor("554 <a@example.org>... Service unavailable\n", "a@example.org"));
    }

    [Fact]
    public void LocalMailerMessageFor_ProgramLineAboveServiceUnavailable_TakesTheProgramLine()
    {
        const string text = "   ----- Transcript of session follows -----\nmail.local: unknown user: a\n554 <a@example.org>... Service unavailable\n";

        Assert.Equal("mail.local: unknown user: a", SendmailTranscript.LocalMailerMessageFor(text, "<a@example.org>"));
    }

    [Fact]
    public void LocalMailerMessageFor_SendmailLineQuotesRemoteReply_Null()
    {
        const string text = "procmail: something\n554 <a@example.org>... 550 Host unknown\n";

        Assert.Null(SendmailTranscript.LocalMailerMessageFor(text, "a@example.org"));
    }
}
