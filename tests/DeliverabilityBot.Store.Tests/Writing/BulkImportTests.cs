using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Writing;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Writing;

/// <summary>
/// A bulk import drops the read-side indexes and builds them once at its end (issue 13): the store it leaves is the
/// one a row-by-row ingest leaves, indexes included, and an import that died leaves nothing missing for long.
/// </summary>
public sealed class BulkImportTests
{
    private static readonly TimeWindow Day = new(TempStore.T0.AddHours(-1), TempStore.T0.AddHours(47));

    private static readonly string[] Deferred =
        ["ix_events_deferred_message", "ix_events_ruleset_ts", "ix_events_ts", "ix_messages_first", "ix_messages_lookup"];

    // A log of messages with deferrals, expiries, bounces and deliveries across several batches.
    private static List<StoredEvent> Log(int messages)
    {
        var events = new List<StoredEvent>();
        for (var i = 0; i < messages; i++)
        {
            var recipient = $"u{i}@icloud.com";
            var queueId = $"Q{i:X6}";
            var minutes = i * 0.7;
            switch (i % 4)
            {
                case 0:
                    events.Add(TempStore.Event(minutes, DeliveryAction.Delivered, recipient, messageId: queueId));
                    break;
                case 1:
                    events.Add(TempStore.Event(minutes, DeliveryAction.Delayed, recipient, messageId: queueId));
                    events.Add(TempStore.Event(minutes + 30, DeliveryAction.Delivered, recipient, messageId: queueId));
                    break;
                case 2:
                    events.Add(TempStore.Event(minutes, DeliveryAction.Failed, recipient, reply: "554 5.7.1 [CS01] Message rejected", messageId: queueId, reason: "rejected"));
                    break;
                default:
                    events.Add(TempStore.Event(minutes, DeliveryAction.Delayed, recipient, messageId: queueId));
                    events.Add(TempStore.Event(minutes + 600, DeliveryAction.Failed, recipient, messageId: queueId, reason: "expired"));
                    break;
            }
        }
        return events;
    }

    private static List<string> Indexes(TempStore t)
    {
        using var c = t.OpenRaw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name;";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    private static bool DeferredRecorded(TempStore t)
    {
        using var c = t.OpenRaw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM meta WHERE key = 'deferred_indexes';";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static string Plan(TempStore t, string sql)
    {
        using var c = t.OpenRaw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var r = cmd.ExecuteReader();
        var plan = new List<string>();
        while (r.Read()) plan.Add(r.GetString(3));
        return string.Join(" | ", plan);
    }

    private static void Write(TempStore t, IEnumerable<StoredEvent> events, bool bulk)
    {
        using var w = t.Store.CreateWriter();
        if (bulk) w.ExpectBulk(long.MaxValue);
        foreach (var e in events) w.Add(e);
    }

    // Everything a reader answers from: messages, attempt rollups, events.
    private static (MessageCounts Messages, long Events, long Stored, string Slices, string MessageSlices) Answers(TempStore t) =>
        (StoreReader.Count(t.Store.Reader.Messages(Day, "icloud")), t.Store.Reader.EventCount(), t.Store.Reader.MessageCount(),
         string.Join(";", t.Store.Reader.Slices(Day, "icloud").Select(s => s.ToString()).Order(StringComparer.Ordinal)),
         string.Join(";", t.Store.Reader.Messages(Day, "icloud").Select(s => s.ToString()).Order(StringComparer.Ordinal)));

    [Fact]
    public void ExpectBulk_EmptyStore_DropsIndexesUntilTheEndThenBuildsEveryOne()
    {
        using var rowByRow = new TempStore(batchSize: 500);
        using var bulk = new TempStore(batchSize: 500);
        var log = Log(3_000);
        Write(rowByRow, log, bulk: false);
        using (var w = (StoreWriter)bulk.Store.CreateWriter())
        {
            w.ExpectBulk(0);
            Assert.True(w.Bulk);
            foreach (var e in log) w.Add(e);
            // Mid-import: batches committed, the indexes dropped and recorded as such.
            Assert.True(w.Total.Stored > 0);
            Assert.Empty(Indexes(bulk).Intersect(Deferred));
            Assert.True(DeferredRecorded(bulk));
        }
        Assert.Equal(Indexes(rowByRow), Indexes(bulk));
        Assert.Equal(Deferred, Indexes(bulk).Intersect(Deferred).Order(StringComparer.Ordinal));
        Assert.False(DeferredRecorded(bulk));
        Assert.Equal(Answers(rowByRow), Answers(bulk));
    }

    [Fact]
    public void ExpectBulk_AfterTheImport_ReadersQueriesUseTheRebuiltIndexes()
    {
        using var t = new TempStore(batchSize: 500);
        Write(t, Log(2_000), bulk: true);
        Assert.Contains("ix_events_ts", Plan(t, "SELECT COUNT(*) FROM events WHERE ts >= 1 AND ts < 2;"));
        Assert.Contains("ix_events_ruleset_ts", Plan(t, "SELECT ts FROM events WHERE ruleset_id = 3 AND action <> 2 ORDER BY ts DESC LIMIT 5;"));
        Assert.Contains("ix_messages_first", Plan(t, "SELECT COUNT(*) FROM messages WHERE first_ts >= 1 AND first_ts < 2;"));
        Assert.Contains("ix_messages_lookup", Plan(t, "SELECT id FROM messages WHERE key = 42;"));
    }

    [Fact]
    public void ExpectBulk_SameLogAgain_StoresNothingAndNeverDropsIndexes()
    {
        using var t = new TempStore(batchSize: 500);
        var log = Log(1_500);
        Write(t, log, bulk: true);
        var before = Answers(t);
        using (var w = (StoreWriter)t.Store.CreateWriter())
        {
            w.ExpectBulk(long.MaxValue);
            foreach (var e in log) w.Add(e);
            w.Flush();
            Assert.Equal(0, w.Total.Stored);
            Assert.False(w.Bulk);
            Assert.Subset(new HashSet<string>(Indexes(t)), new HashSet<string>(Deferred));
        }
        Assert.Equal(before, Answers(t));
    }

    [Fact]
    public void ExpectBulk_LargeInputIntoAFilledStore_DropsAfterAMostlyNewBatchAndJoinsStoredMessages()
    {
        using var rowByRow = new TempStore(batchSize: 400);
        using var bulk = new TempStore(batchSize: 400);
        var log = Log(2_000);
        // The first half, then the whole log: its first batch is the stored half again (nothing new), later batches
        // are new messages and deferrals' final lines that join messages stored by the first writer.
        var half = log.Take(log.Count / 2).ToList();
        foreach (var t in new[] { rowByRow, bulk }) Write(t, half, bulk: false);
        Write(rowByRow, log, bulk: false);
        using (var w = (StoreWriter)bulk.Store.CreateWriter())
        {
            w.ExpectBulk(long.MaxValue);
            foreach (var e in log) w.Add(e);
            Assert.True(w.Bulk);
        }
        Assert.Equal(Indexes(rowByRow), Indexes(bulk));
        Assert.Equal(Answers(rowByRow), Answers(bulk));
    }

    [Fact]
    public void ExpectBulk_SmallInputIntoALargerStore_KeepsTheIndexes()
    {
        using var t = new TempStore(batchSize: 500);
        Write(t, Log(1_000), bulk: false);
        using var w = (StoreWriter)t.Store.CreateWriter();
        w.ExpectBulk(10_000); // 10 KB beside about 1,250 stored events
        foreach (var e in Log(1_200).Skip(Log(1_000).Count)) w.Add(e);
        w.Flush();
        Assert.False(w.Bulk);
        Assert.Subset(new HashSet<string>(Indexes(t)), new HashSet<string>(Deferred));
    }

    // What an import that died leaves: the indexes dropped and their DDL recorded, committed together.
    private static void DropAsAnImportDid(TempStore t)
    {
        using var c = (SqliteConnection)t.OpenRaw();
        using var cmd = c.CreateCommand();
        var ddl = new List<string>();
        cmd.CommandText = "SELECT sql FROM sqlite_master WHERE name IN ('ix_events_ts', 'ix_messages_lookup') ORDER BY name;";
        using (var r = cmd.ExecuteReader())
            while (r.Read()) ddl.Add(r.GetString(0));
        Assert.Equal(2, ddl.Count);
        cmd.CommandText = "BEGIN; INSERT INTO meta(key, value) VALUES ('deferred_indexes', $v); DROP INDEX ix_events_ts; DROP INDEX ix_messages_lookup; COMMIT;";
        cmd.Parameters.AddWithValue("$v", string.Join('\n', ddl));
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Open_ImportDiedWithIndexesDropped_BuildsThemAgain()
    {
        using var t = new TempStore();
        Write(t, Log(200), bulk: false);
        var expected = Indexes(t);
        DropAsAnImportDid(t);
        Assert.DoesNotContain("ix_events_ts", Indexes(t));
        SqliteConnection.ClearAllPools();
        var reopened = DeliverabilityStore.Open(new StoreOptions { DataDirectory = t.Folder });
        Assert.Equal(expected, Indexes(t));
        Assert.False(DeferredRecorded(t));
        Assert.Equal(t.Store.Reader.EventCount(), reopened.Reader.EventCount());
    }

    [Fact]
    public void CreateWriter_ImportDiedWithIndexesDropped_WriterBuildsThemBeforeWriting()
    {
        using var t = new TempStore();
        Write(t, Log(200), bulk: false);
        var expected = Indexes(t);
        var answers = Answers(t);
        DropAsAnImportDid(t);
        using (var w = t.Store.CreateWriter())
        {
            Assert.Equal(expected, Indexes(t));
            Assert.False(DeferredRecorded(t));
        }
        Assert.Equal(answers, Answers(t));
    }
}
