using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Schema;

/// <summary>Migration 3 joins the events of a version-2 store into messages.</summary>
public sealed class MessageMigrationTests
{
    [Fact]
    public void Open_Schema2StoreWithEvents_JoinsThemIntoMessages()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dbot-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var t0 = TempStore.T0.ToUnixTimeSeconds();
            using (var c = new SqliteConnection($"Data Source={Path.Combine(folder, StoreOptions.DatabaseFileName)};Pooling=False"))
            {
                c.Open();
                Sql(c, Migrations.All[0] + "\n" + Migrations.All[1] + "\nPRAGMA user_version = 2;");
                Sql(c, "INSERT INTO dims(id, kind, value) VALUES (1, 1, 'icloud'), (2, 2, 'expired'), (3, 2, 'blocked');");
                // Q1: two deferrals then delivered; Q2: deferral then expired (log); Q3: bounced; a DSN without a queue id.
                var rows = new (long Hash, long Ts, int Action, int Kind, string Rcpt, long? Key, int Reason, int? Code)[]
                {
                    (1, t0, 1, 3, "a@icloud.com", 11, 3, 421), (2, t0 + 600, 1, 3, "a@icloud.com", 11, 3, 421), (3, t0 + 1200, 2, 3, "a@icloud.com", 11, 0, 250),
                    (4, t0 + 60, 1, 3, "b@icloud.com", 12, 3, 421), (5, t0 + 7200, 0, 3, "b@icloud.com", 12, 2, 421),
                    (6, t0 + 90, 0, 3, "c@icloud.com", 13, 3, 554), (7, t0 + 95, 0, 0, "d@icloud.com", null, 3, 550),
                };
                foreach (var r in rows)
                    Sql(c, $"""
                        INSERT INTO events(hash, ts, action, stage, kind, recipient, recipient_domain_id, receiver_id, reason_id, category_id,
                            filter_id, ruleset_id, remote_host_id, remote_ip_id, sending_ip_id, sender_domain_id, reply_code, message_key, source_id, hard_bounce, retryable)
                        VALUES ({r.Hash}, {r.Ts}, {r.Action}, 0, {r.Kind}, '{r.Rcpt}', 0, 1, {r.Reason}, 0, 0, 0, 0, 0, 0, 0, {r.Code}, {(r.Key is { } k ? k : "NULL")}, 0, 0, 0);
                        """);
            }
            var store = DeliverabilityStore.Open(new StoreOptions { DataDirectory = folder });
            var window = new TimeWindow(TempStore.T0.AddHours(-1), TempStore.T0.AddHours(5));
            Assert.Equal(new MessageCounts(4, 1, 2, 1, 0, 4), StoreReader.Count(store.Reader.Messages(window, "icloud")));
            Assert.Equal(4, store.Reader.MessageCount());
            using var check = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
            check.Open();
            using var cmd = check.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM events WHERE message_row IS NULL;";
            Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
            cmd.CommandText = "SELECT attempts FROM messages WHERE recipient = 'a@icloud.com';";
            Assert.Equal(3L, (long)cmd.ExecuteScalar()!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void Sql(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
