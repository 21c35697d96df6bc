using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Tests.Logs;

public class LogContextTests
{
    private static BounceEvent Attempt(string queueId, string recipient, DeliveryAction action) =>
        new() { MessageId = queueId, Recipient = recipient, Action = action };

    [Fact]
    public void Parse_PostfixRemoved_DropsTheQueueIdsSender()
    {
        var events = new MtaLogParser().Parse(
        [
            "Nov 28 05:00:00 mx1 postfix/qmgr[11]: 3F2A11C0042: from=<news@example.com>, size=2100, nrcpt=1 (queue active)",
            "Nov 28 05:00:01 mx1 postfix/smtp[12]: 3F2A11C0042: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ABC)",
            "Nov 28 05:00:01 mx1 postfix/qmgr[11]: 3F2A11C0042: removed",
            "Nov 28 09:00:01 mx1 postfix/smtp[12]: 3F2A11C0042: to=<b@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as DEF)",
        ], "mail.log", 2026).ToList();
        Assert.Equal(["news@example.com", null], events.Select(e => e.Sender));
    }

    [Fact]
    public void Forget_QueueIdWithPendingDeferral_NothingPendingAfterwards()
    {
        var context = new LogContext("log", 2026);
        context.SetSender("Q1", "s@example.com");
        context.Track(Attempt("Q1", "a@example.org", DeliveryAction.Delayed));
        context.Forget("Q1");
        Assert.Empty(context.TakePending("Q1"));
        Assert.Null(context.SenderOf("Q1"));
        Assert.Equal(0, context.QueueIdsRemembered);
    }

    [Fact]
    public void Track_DeliveredAfterDeferral_RecipientNoLongerPending()
    {
        var context = new LogContext("log", 2026);
        context.Track(Attempt("Q1", "a@example.org", DeliveryAction.Delayed));
        context.Track(Attempt("Q1", "b@example.org", DeliveryAction.Delayed));
        context.Track(Attempt("Q1", "a@example.org", DeliveryAction.Delivered));
        Assert.Equal(["b@example.org"], context.TakePending("Q1").Select(e => e.Recipient));
        Assert.Empty(context.TakePending("Q1"));
    }

    [Fact]
    public void SetSender_ManyMoreQueueIdsThanCapacity_MemoryBoundedAndRecentOnesKept()
    {
        var context = new LogContext("log", 2026, queueIdCapacity: 100);
        for (var i = 0; i < 10_000; i++) context.SetSender($"Q{i}", $"s{i}@example.com");
        Assert.InRange(context.QueueIdsRemembered, 100, 200);
        Assert.Equal("s9999@example.com", context.SenderOf("Q9999"));
        Assert.Equal("example.com", context.SenderDomainOf("Q9950"));
        Assert.Null(context.SenderOf("Q0"));
    }

    [Fact]
    public void SenderOf_QueueIdTouchedAgain_SurvivesGenerationChange()
    {
        var context = new LogContext("log", 2026, queueIdCapacity: 10);
        context.SetSender("KEEP", "k@example.com");
        for (var i = 0; i < 1_000; i++)
        {
            context.SetSender($"Q{i}", "s@example.com");
            Assert.Equal("k@example.com", context.SenderOf("KEEP"));
        }
    }

    [Fact]
    public void SetSender_SameSenderForManyQueueIds_OneSharedAddressAndDomain()
    {
        var context = new LogContext("log", 2026);
        context.SetSender("Q1", new string("alerts@example.com".AsSpan()));
        context.SetSender("Q2", new string("alerts@example.com".AsSpan()));
        context.SetSender("Q3", "other@example.org");
        Assert.Same(context.SenderOf("Q1"), context.SenderOf("Q2"));
        Assert.Same(context.SenderDomainOf("Q1"), context.SenderDomainOf("Q2"));
        Assert.Equal("example.com", context.SenderDomainOf("Q2"));
        Assert.Equal("other@example.org", context.SenderOf("Q3"));
        Assert.Equal("example.org", context.SenderDomainOf("Q3"));
    }

    [Fact]
    public void SenderOf_QueueIdsOfEveryShape_EachKeepsItsOwnSender()
    {
        // Short and long ids, prefixes of each other, past the 16 packed characters, non-ASCII, case and NUL-like digits.
        string[] ids = ["A", "AA", "0A1", "00A1", "4B2C1D", "4b2c1d", "1234567890ABCDEF", "1234567890ABCDEF0", "1234567890ABCDEG",
            "3TfGV1kZz1z9SQ2b", "3TfGV1kZz1z9SQ2bX", "Qé1", "Q\u00e91x", "1rZ8gk-0009Xs-3K"];
        var context = new LogContext("log", 2026);
        for (var i = 0; i < ids.Length; i++) context.SetSender(ids[i], $"s{i}@example.com");
        for (var i = 0; i < ids.Length; i++) Assert.Equal($"s{i}@example.com", context.SenderOf(new string(ids[i].AsSpan())));
        Assert.Null(context.SenderOf("1234567890ABCDEF1"));
        Assert.Equal(ids.Length, context.QueueIdsRemembered);
    }
}
