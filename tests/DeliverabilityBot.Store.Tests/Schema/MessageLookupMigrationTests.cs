using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Schema;
using DeliverabilityBot.Store.Writing;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Schema;

/// <summary>Migration 4 gives a version-3 store's messages their integer lookup keys; later evidence still joins them.</summary>
public sealed class MessageLookupMigrationTests
{
    [Fact]
    public void Open_Schema3StoreWithMessages_KeysThemAndLaterEvidenceJoins()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dbot-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var identity = EventIdentity.For(IdentityScheme.XxHash3);
            var t0 = TempStore.T0.ToUnixTimeSeconds();
            using (var c = new SqliteConnection($"Data Source={Path.Combine(folder, StoreOptions.DatabaseFileName)};Pooling=False"))
            {
                c.Open();
                Sql(c, Migrations.All[0] + "\n" + Migrations.All[1]);
                Sql(c, "INSERT INTO dims(id, kind, value) VALUES (1, 1, 'icloud');");
                // Q1: a logged deferral (pending); a DSN's bounce known only by its Message-ID header (qkey = mkey).
                Sql(c, $"""
                    INSERT INTO events(hash, ts, action, stage, kind, recipient, recipient_domain_id, receiver_id, reason_id, category_id,
                        filter_id, ruleset_id, remote_host_id, remote_ip_id, sending_ip_id, sender_domain_id, reply_code, message_key, source_id, hard_bounce, retryable)
                    VALUES (1, {t0}, 1, 0, 3, 'a@icloud.com', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 421, {identity.OfText("Q1")}, 0, 0, 0),
                           (2, {t0 + 60}, 0, 0, 0, 'b@icloud.com', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 550, NULL, 0, 0, 0);
                    """);
                Sql(c, Migrations.All[2]);
                Sql(c, $"UPDATE messages SET mkey = {identity.OfText("m2@example.com")}, qkey = {identity.OfText("m2@example.com")} WHERE recipient = 'b@icloud.com';");
                Sql(c, "PRAGMA user_version = 3;");
            }
            var store = DeliverabilityStore.Open(new StoreOptions { DataDirectory = folder });
            using (var check = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
            {
                check.Open();
                using var cmd = check.CreateCommand();
                cmd.CommandText = "SELECT qkey, recipient, mkey, key, hkey FROM messages ORDER BY recipient;";
                using var r = cmd.ExecuteReader();
                var rows = 0;
                while (r.Read())
                {
                    rows++;
                    Assert.Equal(MessageLookupKey.Of(r.GetInt64(0), r.GetString(1)), r.GetInt64(3));
                    Assert.Equal(r.IsDBNull(2) ? (long?)null : MessageLookupKey.Of(r.GetInt64(2), r.GetString(1)), r.IsDBNull(4) ? (long?)null : r.GetInt64(4));
                }
                Assert.Equal(2, rows);
            }
            using (var w = store.CreateWriter())
            {
                w.Add(Logged(TempStore.Event(30, DeliveryAction.Delivered, messageId: "Q1"), null));
                w.Add(Logged(TempStore.Event(1, DeliveryAction.Failed, recipient: "b@icloud.com", messageId: "Q2"), "m2@example.com"));
            }
            var window = new TimeWindow(TempStore.T0.AddHours(-1), TempStore.T0.AddHours(5));
            Assert.Equal(new MessageCounts(2, 1, 1, 0, 0, 2), StoreReader.Count(store.Reader.Messages(window, "icloud")));
            Assert.Equal(2, store.Reader.MessageCount());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static StoredEvent Logged(StoredEvent e, string? headerId) => new()
    {
        Timestamp = e.Timestamp, Action = e.Action, Recipient = e.Recipient, RecipientDomain = e.RecipientDomain, Receiver = e.Receiver,
        Reason = e.Reason, Category = e.Category, RuleIds = e.RuleIds, RemoteHost = e.RemoteHost, SendingIp = e.SendingIp,
        SenderDomain = e.SenderDomain, Reply = e.Reply, MessageId = e.MessageId, HeaderMessageId = headerId, Source = e.Source,
        Kind = EvidenceKind.LogLine,
    };

    private static void Sql(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
