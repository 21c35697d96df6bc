using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Store.Tests.Ingest;

public class StoredEventMapperTests
{
    private static readonly ClassificationSummary Blocked = new("icloud", "blocked", "reputation", "proofpoint", false, true, ["ICL1022"]);
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_FailedReplyQuotingOurIp_SendingIpFromReply()
    {
        var row = StoredEventMapper.Map(new BounceEvent { Action = DeliveryAction.Failed, Reply = SmtpReply.Parse("550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.7") }, Blocked, Now);
        Assert.Equal("203.0.113.7", row.SendingIp);
    }

    [Fact]
    public void Map_DeliveredReplyQuotingAnIp_NoSendingIpAndReasonDelivered()
    {
        var row = StoredEventMapper.Map(new BounceEvent { Action = DeliveryAction.Delivered, Reply = SmtpReply.Parse("250 2.0.0 Ok from [203.0.113.7]") }, Blocked, Now);
        Assert.Null(row.SendingIp);
        Assert.Equal("delivered", row.Reason);
    }

    [Fact]
    public void Map_EventWithoutDomains_DomainsFromAddressesLowerCased()
    {
        var row = StoredEventMapper.Map(new BounceEvent { Recipient = "a@iCloud.com", Sender = "news@Example.COM" }, Blocked, Now);
        Assert.Equal(("icloud.com", "example.com"), (row.RecipientDomain, row.SenderDomain));
    }

    [Fact]
    public void Map_EventWithoutTime_FallbackTimeMarkedEstimated()
    {
        var row = StoredEventMapper.Map(new BounceEvent(), Blocked, Now);
        Assert.Equal((Now, true), (row.Timestamp, row.TimestampEstimated));
    }

    [Fact]
    public void Map_DeploymentMapsSenderDomainAndIpStream_IpAndStreamFromIt()
    {
        var sending = new DeliverabilityBot.Ingestion.Sending.SendingMap();
        DeliverabilityBot.Ingestion.Sending.SendingConfigParser.Parse("dbot.config",
            "sending.sender-domain.orders.example.com.ip = 203.0.113.5\nsending.ip.203.0.113.5.stream = transactional\n", sending);
        var row = StoredEventMapper.Map(new BounceEvent { Action = DeliveryAction.Delivered, Sender = "shop@orders.example.com", RemoteHost = "mx.example.org" }, Blocked, Now, sending);
        Assert.Equal(("203.0.113.5", "transactional"), (row.SendingIp, row.Stream));
    }
}
