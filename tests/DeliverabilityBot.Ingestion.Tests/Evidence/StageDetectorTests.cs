using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Evidence;

public class StageDetectorTests
{
    [Theory]
    [InlineData("Connected to 192.0.2.25 but sender was rejected.\nRemote host said: 550 5.7.1 <news@example.com>... Access denied", SmtpStage.MailFrom)]
    [InlineData("192.0.2.25 does not like recipient.\nRemote host said: 550 5.1.1 <a@example.org>... User Unknown", SmtpStage.RcptTo)]
    [InlineData("Connected to 192.0.2.25 but my name was rejected.\nRemote host said: 501 bad HELO", SmtpStage.Helo)]
    [InlineData("192.0.2.25 failed on DATA command.\nRemote host said: 554 no valid recipients", SmtpStage.Data)]
    [InlineData("192.0.2.25 failed after I sent the message.\nRemote host said: 554 5.7.1 spam", SmtpStage.EndOfData)]
    [InlineData("Remote host said: 550 5.7.1 Access denied", SmtpStage.Unknown)]
    public void Detect_QmailRemoteSentence_StageItNames(string text, SmtpStage expected) =>
        Assert.Equal(expected, StageDetector.Detect(text));
}
