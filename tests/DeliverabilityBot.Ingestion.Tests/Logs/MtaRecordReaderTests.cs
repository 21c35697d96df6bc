using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Tests.Logs;

/// <summary>
/// KumoMTA JSON log records and PowerMTA accounting CSV (tests/fixtures/mta-logs, laid out as the two projects document
/// their records, with real receiver replies) read into attempts like any other log.
/// </summary>
public class MtaRecordReaderTests
{
    private static readonly string Folder = TestPaths.InRepo("tests", "fixtures", "mta-logs");

    private static List<BounceEvent> Parse(string file) =>
        new MtaLogParser().Parse(File.ReadLines(Path.Combine(Folder, file)), file).ToList();

    [Fact]
    public void Parse_KumoMtaRecords_AttemptsWithReplyPeerSourceAndPool()
    {
        var events = Parse("kumomta.jsonl");
        Assert.Equal([DeliveryAction.Delayed, DeliveryAction.Delivered, DeliveryAction.Failed, DeliveryAction.Failed], events.Select(e => e.Action));
        var deferral = events[0];
        Assert.Equal(("a@icloud.com", "icloud.com", "example.com"), (deferral.Recipient, deferral.RecipientDomain, deferral.SenderDomain));
        Assert.Equal((421, "4.7.0"), (deferral.Reply.Code, deferral.Reply.Status?.ToString()));
        Assert.Contains("[CS01] Message rejected due to local policy", deferral.Reply.Raw, StringComparison.Ordinal);
        Assert.Equal(SmtpStage.MailFrom, deferral.Stage);
        Assert.Equal(("mx01.mail.icloud.com", "17.57.154.6", "203.0.113.7"), (deferral.RemoteHost, deferral.RemoteIp, deferral.SendingIp));
        Assert.Equal(("pool0", "1d98076abbbc11ed940250ebf67f93bd", "m1@example.com"), (deferral.Stream, deferral.MessageId, deferral.HeaderMessageId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1678069691), deferral.Timestamp);
        Assert.Equal(("kumomta", EvidenceKind.LogLine), (deferral.SourceFormat, deferral.Kind));
        Assert.Equal("source2", deferral.Hints["egress_source"]);
        // IPv6 source with its port in brackets; KumoMTA's own classification kept as a hint.
        Assert.Equal("2001:db8::25", events[2].SendingIp);
        Assert.Equal("InvalidRecipient", events[2].Hints["bounce_classification"]);
        Assert.Equal(SmtpStage.RcptTo, events[2].Stage);
        // Expiration: the queue gave up; the store counts it as an expiry.
        Assert.Equal(("true", SmtpStage.SenderQueue), (events[3].Hints["expired"], events[3].Stage));
    }

    [Fact]
    public void Parse_KumoMtaRecordWithRecipientList_OneAttemptPerRecipient()
    {
        var line = """{"type":"Bounce","id":"x1","sender":"a@example.com","recipient":["b@icloud.com","c@icloud.com"],"response":{"code":554,"enhanced_code":{"class":5,"subject":7,"detail":1},"content":"[CS01] Message rejected due to local policy.","command":"."},"timestamp":1678069700}""";
        var events = new MtaLogParser().Parse([line], "kumo.log").ToList();
        Assert.Equal(["b@icloud.com", "c@icloud.com"], events.Select(e => e.Recipient));
        Assert.All(events, e => Assert.Equal(SmtpStage.EndOfData, e.Stage));
    }

    [Fact]
    public void Parse_PowerMtaAccounting_AttemptsByHeaderColumns()
    {
        var events = Parse("powermta-acct.csv");
        // r (received) and tq (a queue's transient failure, no recipient) are skipped.
        Assert.Equal([DeliveryAction.Delayed, DeliveryAction.Delivered, DeliveryAction.Failed], events.Select(e => e.Action));
        var deferral = events[0];
        Assert.Equal(("a@icloud.com", "example.com"), (deferral.Recipient, deferral.SenderDomain));
        Assert.Equal((421, "4.7.0"), (deferral.Reply.Code, deferral.Reply.Status?.ToString()));
        Assert.StartsWith("421 4.7.0 [CS01]", deferral.Reply.Raw, StringComparison.Ordinal);
        Assert.Equal(("mx01.mail.icloud.com", "17.57.154.6", "203.0.113.7"), (deferral.RemoteHost, deferral.RemoteIp, deferral.SendingIp));
        Assert.Equal(("icloud-pool", "m1@example.com"), (deferral.Stream, deferral.MessageId));
        Assert.Equal(("vmta-icloud-1", "policy-related"), (deferral.Hints["vmta"], deferral.Hints["bounceCat"]));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1678069691), deferral.Timestamp);
        // A quoted field with commas (dlvEsmtpAvailable) does not shift the columns after it.
        Assert.Equal(("vmta-icloud-1", "icloud-pool"), (events[1].Hints["vmta"], events[1].Stream));
        var bounce = events[2];
        Assert.Equal((550, "5.1.1"), (bounce.Reply.Code, bounce.Reply.Status?.ToString()));
        Assert.Equal("vmta-gmail-2", bounce.Stream); // no pool: the virtual MTA
        Assert.Equal("powermta", bounce.SourceFormat);
    }

    [Fact]
    public void Parse_PowerMtaRecordBeforeAnyHeader_NotRead()
    {
        var events = new MtaLogParser().Parse(["d,1678070291,news@example.com,a@icloud.com"], "acct.csv").ToList();
        Assert.Empty(events);
    }

    [Fact]
    public void Parse_PowerMtaIsoTimeWithCompactOffset_ReadAsUtc()
    {
        var events = new MtaLogParser().Parse(["type,timeLogged,orig,rcpt,dsnStatus,dsnDiag", "b,2026-01-15 14:23:11-0500,a@example.com,b@icloud.com,5.1.1,smtp;550 5.1.1 <b@icloud.com>: user does not exist"], "acct.csv").ToList();
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 19, 23, 11, TimeSpan.Zero), Assert.Single(events).Timestamp);
    }

    [Theory]
    [InlineData("kumomta.jsonl", 4)]
    [InlineData("powermta-acct.csv", 3)]
    public void Read_RecordFile_SniffedAsLogAndRead(string file, int attempts)
    {
        var results = new EvidenceFileReader().Read(Path.Combine(Folder, file)).ToList();
        var result = Assert.Single(results);
        Assert.Null(result.Error);
        Assert.Equal(attempts, result.Events.Count);
    }
}
