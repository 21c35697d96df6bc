using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Reading;

namespace DeliverabilityBot.Store.Tests.Writing;

/// <summary>Attempts join their message: one per queue id (or Message-ID) and recipient, whatever the order of the evidence.</summary>
public class MessageJoinTests
{
    /// <summary>The database the tests run on; <see cref="PostgresMessageJoinTests"/> runs them all again on PostgreSQL.</summary>
    protected virtual StoreBackend Backend => StoreBackend.Sqlite;

    private TempStore NewStore(int batchSize = 1000) => new(batchSize, Backend);

    private static readonly TimeWindow Day = new(TempStore.T0.AddHours(-1), TempStore.T0.AddHours(23));

    private static StoredEvent Log(double minutes, DeliveryAction action, string queueId = "Q1", string recipient = "a@icloud.com", bool expired = false) =>
        With(TempStore.Event(minutes, action, recipient, messageId: queueId), EvidenceKind.LogLine, expired);

    private static StoredEvent Dsn(double minutes, DeliveryAction action, string? queueId = "Q1", string recipient = "a@icloud.com", bool expired = false, string? headerId = null)
    {
        var e = TempStore.Event(minutes, action, recipient, reply: "554 5.7.1 [CS01] Message rejected due to local policy");
        return new StoredEvent
        {
            Timestamp = e.Timestamp, Action = e.Action, Recipient = e.Recipient, RecipientDomain = e.RecipientDomain, Receiver = e.Receiver,
            Reason = e.Reason, Category = e.Category, RuleIds = e.RuleIds, RemoteHost = e.RemoteHost, SendingIp = e.SendingIp,
            SenderDomain = e.SenderDomain, Reply = e.Reply, MessageId = queueId, HeaderMessageId = headerId, Source = "dsn.eml",
            Kind = EvidenceKind.Reply, QueueExpired = expired,
        };
    }

    private static StoredEvent With(StoredEvent e, EvidenceKind kind, bool expired, string? headerId = null) => new()
    {
        Timestamp = e.Timestamp, Action = e.Action, Recipient = e.Recipient, RecipientDomain = e.RecipientDomain, Receiver = e.Receiver,
        Reason = e.Reason, Category = e.Category, RuleIds = e.RuleIds, RemoteHost = e.RemoteHost, SendingIp = e.SendingIp,
        SenderDomain = e.SenderDomain, Reply = e.Reply, MessageId = e.MessageId, HeaderMessageId = headerId, Source = e.Source,
        Kind = kind, QueueExpired = expired,
    };

    /// <summary>Whether each writer is told a bulk import follows (<see cref="BulkMessageJoinTests"/>: indexes dropped and built again).</summary>
    protected virtual bool Bulk => false;

    private MessageCounts Write(TempStore t, params StoredEvent[][] batches)
    {
        foreach (var batch in batches)
            using (var w = t.Store.CreateWriter())
            {
                if (Bulk) w.ExpectBulk(long.MaxValue);
                foreach (var e in batch) w.Add(e);
            }
        return StoreReader.Count(t.Store.Reader.Messages(Day, "icloud"));
    }

    private static (long Deferred, long Failed) Attempts(TempStore t)
    {
        var slices = t.Store.Reader.Slices(Day, "icloud");
        return (slices.Where(s => s.Action == DeliveryAction.Delayed).Sum(s => s.Count), slices.Where(s => s.Action == DeliveryAction.Failed).Sum(s => s.Count));
    }

    [SkippableFact]
    public void Add_DeferralsThenDelivery_OneDeliveredAffectedMessage()
    {
        using var t = NewStore();
        var counts = Write(t, [Log(1, DeliveryAction.Delayed), Log(31, DeliveryAction.Delayed), Log(61, DeliveryAction.Delivered)]);
        Assert.Equal(new MessageCounts(1, 1, 0, 0, 0, 1), counts);
    }

    [SkippableFact]
    public void Add_TwoRecipientsOfOneQueueId_TwoMessages()
    {
        using var t = NewStore();
        var counts = Write(t, [Log(1, DeliveryAction.Delivered), Log(2, DeliveryAction.Failed, recipient: "b@icloud.com")]);
        Assert.Equal(new MessageCounts(2, 1, 1, 0, 0, 1), counts);
    }

    [SkippableFact]
    public void Add_DsnOfALoggedBounce_NoSecondFailure()
    {
        using var t = NewStore();
        var counts = Write(t, [Log(1, DeliveryAction.Failed)], [Dsn(1, DeliveryAction.Failed)]);
        Assert.Equal(new MessageCounts(1, 0, 1, 0, 0, 1), counts);
        Assert.Equal((0L, 1L), Attempts(t));
        Assert.Equal(2, t.Store.Reader.EventCount()); // the DSN is kept as evidence
    }

    [SkippableFact]
    public void Add_DsnBeforeTheLog_SameCountsAsLogFirst()
    {
        using var logFirst = NewStore();
        using var dsnFirst = NewStore();
        StoredEvent[] log = [Log(1, DeliveryAction.Delayed), Log(31, DeliveryAction.Delayed), Log(91, DeliveryAction.Failed, expired: true)];
        StoredEvent[] dsns = [Dsn(0, DeliveryAction.Failed, expired: true)];
        var a = Write(logFirst, log, dsns);
        var b = Write(dsnFirst, dsns, log);
        Assert.Equal(new MessageCounts(1, 0, 0, 1, 0, 1), a);
        Assert.Equal(a, b);
        Assert.Equal(Attempts(logFirst), Attempts(dsnFirst));
        Assert.Equal((2L, 1L), Attempts(dsnFirst));
    }

    [SkippableFact]
    public void Add_DsnBeforeTheLog_RecipientsCountTheSupersededDsnOnce()
    {
        using var t = NewStore();
        // The DSN's failure is stored (and counted) first; the log's deferrals and failure supersede it in a later batch.
        Write(t, [Dsn(0, DeliveryAction.Failed, expired: true), Dsn(5, DeliveryAction.Failed, recipient: "b@icloud.com")],
            [Log(1, DeliveryAction.Delayed), Log(31, DeliveryAction.Delayed), Log(91, DeliveryAction.Failed, expired: true)]);
        var sets = t.Store.Reader.RuleSetsContaining("ICL1022");
        // Whole hours (the recipient rollup where the store keeps one) and a window of ragged edges only agree.
        Assert.Equal(new RecipientConcentration(4, 2, "a@icloud.com", 3), t.Store.Reader.Recipients(Day, "icloud", sets));
        var ragged = new TimeWindow(TempStore.T0.AddMinutes(-59), TempStore.T0.AddMinutes(119));
        Assert.Equal(new RecipientConcentration(4, 2, "a@icloud.com", 3), t.Store.Reader.Recipients(ragged, null, sets));
    }

    [SkippableFact]
    public void Add_DsnAndLogInOneBatch_DsnFirst_CountedOnce()
    {
        using var t = NewStore();
        var counts = Write(t, [Dsn(1, DeliveryAction.Failed), Log(1, DeliveryAction.Failed)]);
        Assert.Equal(new MessageCounts(1, 0, 1, 0, 0, 1), counts);
        Assert.Equal((0L, 1L), Attempts(t));
    }

    [SkippableFact]
    public void Add_SameEventsTwice_AddsNothing()
    {
        using var t = NewStore();
        StoredEvent[] log = [Log(1, DeliveryAction.Delayed), Log(61, DeliveryAction.Delivered), Dsn(2, DeliveryAction.Failed, queueId: "Q2")];
        var first = Write(t, log);
        var second = Write(t, log);
        Assert.Equal(first, second);
        Assert.Equal(2, t.Store.Reader.MessageCount());
    }

    [SkippableFact]
    public void Add_DsnKnownOnlyByMessageIdHeader_JoinsTheLogThatNamesIt()
    {
        using var t = NewStore();
        var dsn = Dsn(5, DeliveryAction.Failed, queueId: null, headerId: "abc@example.com");
        var log = With(Log(5, DeliveryAction.Failed), EvidenceKind.LogLine, expired: false, headerId: "abc@example.com");
        var later = Log(9, DeliveryAction.Failed); // a line of the same queue id that no longer carries the Message-ID
        var counts = Write(t, [dsn], [log], [later]);
        Assert.Equal(new MessageCounts(1, 0, 1, 0, 0, 1), counts);
        Assert.Equal(1, t.Store.Reader.MessageCount());
    }

    [SkippableFact]
    public void Add_ManyBatches_MessageSpanningBatchesCountedOnce()
    {
        using var t = NewStore(batchSize: 2);
        var counts = Write(t, [Log(1, DeliveryAction.Delayed), Log(2, DeliveryAction.Delayed, queueId: "Q2"), Log(31, DeliveryAction.Delayed), Log(32, DeliveryAction.Delivered, queueId: "Q2"), Log(61, DeliveryAction.Failed)]);
        Assert.Equal(new MessageCounts(2, 1, 1, 0, 0, 2), counts);
    }

    [Fact]
    public void Add_LargeIngestIntoAFilledStore_JoinsEveryStoredMessage()
    {
        // More messages than a writer seeks before it reads the stored keys into its filter: the rest are found through it.
        const int stored = 25_000;
        using var t = new TempStore(batchSize: 5_000);
        var dsns = Enumerable.Range(0, stored).Select(i => Dsn(i / 100.0, DeliveryAction.Failed, queueId: $"Q{i}", recipient: $"u{i}@icloud.com")).ToArray();
        var logs = Enumerable.Range(0, stored + 100).Select(i => Log(i / 100.0 + 1, DeliveryAction.Failed, queueId: $"Q{i}", recipient: $"u{i}@icloud.com")).ToArray();
        var counts = Write(t, dsns, logs);
        Assert.Equal(new MessageCounts(stored + 100, 0, stored + 100, 0, 0, stored + 100), counts);
        Assert.Equal(stored + 100, t.Store.Reader.MessageCount());
        Assert.Equal((0L, stored + 100L), Attempts(t));
        var events = t.Store.Reader.EventCount();
        Assert.Equal(counts, Write(t, logs, dsns));
        Assert.Equal(events, t.Store.Reader.EventCount());
    }
}

/// <summary>The same tests on PostgreSQL (skipped where no server can start, failing under CI=true).</summary>
public sealed class PostgresMessageJoinTests : MessageJoinTests
{
    /// <inheritdoc />
    protected override StoreBackend Backend => StoreBackend.Postgres;
}

/// <summary>
/// The same tests with every writer told a bulk import follows: the first into an empty store drops the read-side
/// indexes at once, later ones after their first batch that is mostly new, and messages are found through the exact
/// map instead of the lookup index; the store must end up the same.
/// </summary>
public sealed class BulkMessageJoinTests : MessageJoinTests
{
    /// <inheritdoc />
    protected override bool Bulk => true;
}
