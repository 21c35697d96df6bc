using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Tests.Logs;

public class MtaLogParserTests
{
    private static List<BounceEvent> Parse(params string[] lines) => new MtaLogParser().Parse(lines, "mail.log", 2026).ToList();

    [Fact]
    public void Parse_PostfixSentDeferredBounced_KeepsEveryAttemptInOrder()
    {
        var events = Parse(
            "Nov 28 05:00:00 mx1 postfix/qmgr[11]: 3F2A11C0042: from=<news@example.com>, size=2100, nrcpt=3 (queue active)",
            "Nov 28 05:00:01 mx1 postfix/smtp[12]: 3F2A11C0042: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ABC)",
            "Nov 28 05:00:02 mx1 postfix/smtp[12]: 3F2A11C0042: to=<b@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx01.mail.icloud.com[17.57.154.6] said: 421 4.7.0 Try again later (in reply to MAIL FROM command))",
            "Nov 28 05:00:03 mx1 postfix/smtp[12]: 3F2A11C0042: to=<c@example.net>, relay=mx.example.net[192.0.2.2]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.2] said: 550 5.1.1 <c@example.net>: user unknown (in reply to RCPT TO command))");
        Assert.Equal([DeliveryAction.Delivered, DeliveryAction.Delayed, DeliveryAction.Failed], events.Select(e => e.Action));
        Assert.Equal([1, 2, 3], events.Select(e => e.Index));
        Assert.All(events, e => Assert.Equal("news@example.com", e.Sender));
        Assert.Equal(SmtpStage.MailFrom, events[1].Stage);
        Assert.Equal(SmtpStage.RcptTo, events[2].Stage);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 5, 0, 3, TimeSpan.Zero), events[2].Timestamp);
    }

    [Fact]
    public void Parse_PostfixRefusedToTalk_ConnectStage()
    {
        var e = Assert.Single(Parse("2026-11-28T05:00:00.123456+00:00 mx1 postfix/smtp[12]: 1A2B3C4D5E: to=<a@icloud.com>, relay=none, delay=1, delays=0/0/1/0, dsn=4.7.0, status=deferred (host mx01.mail.icloud.com[17.57.154.6] refused to talk to me: 421 4.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.10)"));
        Assert.Equal(SmtpStage.Connect, e.Stage);
        Assert.Equal("mx01.mail.icloud.com", e.RemoteHost);
        Assert.Equal(421, e.Reply.Code);
        Assert.Equal(2026, e.Timestamp!.Value.Year);
    }

    [Fact]
    public void Parse_PostfixExpiredAfterDeferral_OneExpiredEventPerPendingRecipient()
    {
        var events = Parse(
            "Nov 28 05:00:02 mx1 postfix/smtp[12]: 3F2A11C0042: to=<b@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx01.mail.icloud.com[17.57.154.6] said: 421 4.7.0 Try again later (in reply to MAIL FROM command))",
            "Dec  3 05:00:02 mx1 postfix/qmgr[11]: 3F2A11C0042: from=<news@example.com>, status=expired, returned to sender");
        Assert.Equal(2, events.Count);
        var expired = events[1];
        Assert.Equal(DeliveryAction.Failed, expired.Action);
        Assert.Equal(SmtpStage.SenderQueue, expired.Stage);
        Assert.Equal("b@icloud.com", expired.Recipient);
        Assert.Equal("5.4.7", expired.DsnStatus?.ToString());
    }

    // Lines of tests/fixtures/scenarios/postfix-real-gmail-rate-limit (a real Postfix 3.7 run): the bounce notice Postfix
    // wrote for an expired message (from=<>) delivered to the sender's virtual mailbox on the same host.
    private const string BounceNotice = """
        Dec 07 19:11:18 mta postfix/cleanup[4219]: 5F041B224AC: message-id=<20261207191118.5F041B224AC@mta.sender.example>
        Dec 07 19:11:18 mta postfix/qmgr[4207]: 5F041B224AC: from=<>, size=3376, nrcpt=1 (queue active)
        Dec 07 19:11:18 mta postfix/bounce[4378]: CC9B9B22799: sender non-delivery notification: 5F041B224AC
        Dec 07 19:11:18 mta postfix/virtual[4220]: 5F041B224AC: to=<bounces@digest.example>, relay=virtual, delay=0.02, delays=0.01/0/0/0.01, dsn=2.0.0, status=sent (delivered to maildir)
        Dec 07 19:11:18 mta postfix/qmgr[4207]: 5F041B224AC: removed
        """;

    [Theory]
    [InlineData("postfix/virtual", "relay=virtual", "delivered to maildir")]
    [InlineData("postfix/local", "relay=local", "delivered to mailbox")]
    [InlineData("postfix/pipe", "relay=dovecot", "delivered via dovecot service")]
    public void Parse_PostfixNoticeFromNullSenderDeliveredLocally_NoAttempt(string agent, string relay, string detail)
    {
        var lines = BounceNotice.Replace("postfix/virtual", agent).Replace("relay=virtual", relay).Replace("delivered to maildir", detail);
        Assert.Empty(Parse(lines.Split('\n')));
    }

    [Fact]
    public void Parse_PostfixNullSenderRelayedBySmtp_StillAnAttempt()
    {
        var lines = BounceNotice.Replace("postfix/virtual", "postfix/smtp").Replace("relay=virtual", "relay=mx.example.org[192.0.2.1]:25");
        var e = Assert.Single(Parse(lines.Split('\n')));
        Assert.Equal("bounces@digest.example", e.Recipient);
        Assert.Null(e.Sender);
    }

    [Fact]
    public void Parse_PostfixSenderDeliveredLocally_StillAnAttempt()
    {
        var lines = BounceNotice.Replace("from=<>", "from=<news@digest.example>");
        var e = Assert.Single(Parse(lines.Split('\n')));
        Assert.Equal("virtual", e.RemoteHost);
        Assert.Equal("news@digest.example", e.Sender);
    }

    [Fact]
    public void Parse_EximDeferredDeliveredAndRetryTimeout_ReadsEachFlag()
    {
        var events = Parse(
            "2026-11-28 05:00:00 1vABCD-000123-Xy <= news@example.com H=localhost [127.0.0.1] P=esmtp S=2100",
            "2026-11-28 05:00:01 1vABCD-000123-Xy == a@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@example.org>: 451 4.7.1 Greylisted",
            "2026-11-28 05:10:01 1vABCD-000123-Xy => a@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.1] C=\"250 2.0.0 Ok: queued\"",
            "2026-11-28 05:20:01 1vABCD-000123-Xy ** b@example.net: retry timeout exceeded");
        Assert.Equal([DeliveryAction.Delayed, DeliveryAction.Delivered, DeliveryAction.Failed], events.Select(e => e.Action));
        Assert.Equal(451, events[0].Reply.Code);
        Assert.Equal(250, events[1].Reply.Code);
        Assert.Equal(SmtpStage.SenderQueue, events[2].Stage);
        Assert.All(events, e => Assert.Equal("news@example.com", e.Sender));
        // The expiry as every log's (LogEventBuilder): the hint the store counts expiries by, 5.4.7 without a status of its own.
        Assert.Equal("true", events[2].Hints["expired"]);
        Assert.Equal("5.4.7", events[2].DsnStatus?.ToString());
        Assert.DoesNotContain("expired", events[0].Hints.Keys);
    }

    [Fact]
    public void Parse_EximOutgoingInterface_SendingIpOnDeliveryLinesNotFromArrival()
    {
        var events = Parse(
            "2026-11-28 05:00:00 1vABCD-000124-Xy <= news@example.com H=localhost [127.0.0.1]:41234 I=[127.0.0.1]:25 P=esmtp S=2100",
            "2026-11-28 05:00:01 1vABCD-000124-Xy == a@icloud.com R=dnslookup T=remote_smtp defer (-44) H=mx01.mail.icloud.com [17.57.154.6]:25 I=[203.0.113.7]:51000: SMTP error from remote mail server after RCPT TO:<a@icloud.com>: 421 4.7.0 Try again later",
            "2026-11-28 05:10:01 1vABCD-000124-Xy => a@icloud.com R=dnslookup T=remote_smtp H=mx01.mail.icloud.com [17.57.154.6]:25 I=[2001:db8::7]:51001 X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 Ok: queued\"",
            "2026-11-28 05:10:02 1vABCD-000124-Xy => b@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.1] C=\"250 2.0.0 Ok\"");
        Assert.Equal(["203.0.113.7", "2001:db8::7", null], events.Select(e => e.SendingIp));
        Assert.Equal("17.57.154.6", events[0].RemoteIp);
    }

    [Fact]
    public void Parse_PostfixWithSendingMap_IpBySyslogNameOnEveryAttemptAndExpiry()
    {
        var map = new DeliverabilityBot.Ingestion.Sending.SendingMap();
        map.MapSyslogName("postfix-out2", new("203.0.113.7", null, "marketing", "dbot.config(1)"));
        var events = new MtaLogParser(sending: map).Parse(
        [
            "Nov 28 05:00:00 mx1 postfix-out2/qmgr[11]: 3F2A11C0043: from=<news@example.com>, size=2100, nrcpt=2 (queue active)",
            "Nov 28 05:00:01 mx1 postfix-out2/smtp[12]: 3F2A11C0043: to=<a@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK  1764307200 a1si4242.1 - gsmtp)",
            "Nov 28 05:00:02 mx1 postfix-out2/smtp[12]: 3F2A11C0043: to=<b@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx01.mail.icloud.com[17.57.154.6] said: 421 4.7.0 Deferred (in reply to RCPT TO command))",
            "Nov 28 13:00:02 mx1 postfix-out2/qmgr[11]: 3F2A11C0043: from=<news@example.com>, status=expired, returned to sender",
            "Nov 28 05:00:03 mx1 postfix/smtp[13]: 4F2A11C0044: to=<c@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK)",
            "Nov 28 05:00:04 mx1 postfix-out2/virtual[14]: 5F2A11C0045: to=<bounces@example.com>, relay=virtual, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)",
        ], "mail.log", 2026).ToList();
        Assert.Equal(["203.0.113.7", "203.0.113.7", "203.0.113.7", null, null], events.Select(e => e.SendingIp));
        Assert.Equal(["marketing", "marketing", "marketing", null, null], events.Select(e => e.Stream));
    }

    [Fact]
    public void Parse_SendmailSeveralRecipients_OneEventEach()
    {
        var events = Parse("Nov 28 05:00:01 mx1 sendmail[991]: 2AS50001000123: to=<a@example.org>,<b@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.org. [192.0.2.7], dsn=4.0.0, stat=Deferred: Connection refused by mx.example.org.");
        Assert.Equal(["a@example.org", "b@example.org"], events.Select(e => e.Recipient));
        Assert.All(events, e => Assert.Equal(DeliveryAction.Delayed, e.Action));
    }

    [Theory]
    [InlineData("Nov 28 05:00:01 mx1 dovecot: imap(user): Logged out")]
    [InlineData("random text that is not a log")]
    [InlineData("")]
    public void Parse_UnknownLines_Skipped(string line) => Assert.Empty(Parse(line));
}
