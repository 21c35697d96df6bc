using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Writing;

namespace DeliverabilityBot.Store.Tests.Writing;

/// <summary>
/// While a bulk import has the message lookup index dropped, messages are found through an exact map of the stored
/// lookup keys: a message re-keyed by a later line, or known before the import, is joined as the index would join it.
/// </summary>
public sealed class BulkMessageLookupTests
{
    private static readonly TimeWindow Day = new(TempStore.T0.AddHours(-1), TempStore.T0.AddHours(23));

    private static StoredEvent Log(double minutes, DeliveryAction action, string queueId, string recipient, string? headerId = null) => new()
    {
        Timestamp = TempStore.T0.AddMinutes(minutes), Action = action, Recipient = recipient, RecipientDomain = "icloud.com",
        Receiver = "icloud", Reason = action == DeliveryAction.Delivered ? "delivered" : "blocked", Category = "reputation",
        RuleIds = action == DeliveryAction.Delivered ? [] : ["ICL1022"], RemoteHost = "mx01.mail.icloud.com", SendingIp = "203.0.113.7",
        SenderDomain = "example.com", Reply = action == DeliveryAction.Delivered ? $"250 2.0.0 Ok: queued as {minutes}" : "421 4.7.0 Deferred",
        MessageId = queueId, HeaderMessageId = headerId, Source = "test.log", Kind = EvidenceKind.LogLine,
    };

    private static StoredEvent Dsn(double minutes, string headerId, string recipient) => new()
    {
        Timestamp = TempStore.T0.AddMinutes(minutes), Action = DeliveryAction.Failed, Recipient = recipient, RecipientDomain = "icloud.com",
        Receiver = "icloud", Reason = "blocked", Category = "reputation", RuleIds = ["ICL1022"], RemoteHost = "mx01.mail.icloud.com",
        SendingIp = "203.0.113.7", SenderDomain = "example.com", Reply = "554 5.7.1 [CS01] Message rejected due to local policy",
        MessageId = null, HeaderMessageId = headerId, Source = "dsn.eml", Kind = EvidenceKind.Reply,
    };

    private static (MessageCounts, long, long) Write(IEnumerable<StoredEvent[]> writers, bool bulk, int batchSize)
    {
        using var t = new TempStore(batchSize);
        foreach (var events in writers)
        {
            using var w = (StoreWriter)t.Store.CreateWriter();
            if (bulk) w.ExpectBulk(long.MaxValue);
            foreach (var e in events) w.Add(e);
        }
        return (StoreReader.Count(t.Store.Reader.Messages(Day, "icloud")), t.Store.Reader.MessageCount(), t.Store.Reader.EventCount());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public void Add_ReportFirstThenItsLogAcrossBatches_SameStoreAsWithTheIndex(int batchSize)
    {
        // A DSN known only by its Message-ID creates a message under the header's key; the log line with the queue id
        // re-keys it; a later line of the same queue id must find it by the new key, a later DSN by the header.
        StoredEvent[] first = [Dsn(1, "m1@example.com", "a@icloud.com"), Dsn(2, "m2@example.com", "b@icloud.com")];
        StoredEvent[] second =
        [
            Log(1, DeliveryAction.Delayed, "Q1", "a@icloud.com", headerId: "m1@example.com"),
            Log(3, DeliveryAction.Delayed, "Q2", "b@icloud.com", headerId: "m2@example.com"),
            Log(30, DeliveryAction.Delayed, "Q1", "a@icloud.com"),
            Log(61, DeliveryAction.Failed, "Q1", "a@icloud.com"),
            Dsn(62, "m1@example.com", "a@icloud.com"),
            Log(90, DeliveryAction.Delivered, "Q2", "b@icloud.com"),
            Log(91, DeliveryAction.Delivered, "Q3", "c@icloud.com"),
        ];
        var indexed = Write([first, second, second], bulk: false, batchSize);
        var mapped = Write([first, second, second], bulk: true, batchSize);
        Assert.Equal(indexed, mapped);
        Assert.Equal(3, mapped.Item2);
    }
}
