using System.Data.Common;
using DeliverabilityBot.Application;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Postgres.History;

namespace DeliverabilityBot.Store.Tests;

/// <summary>Which database a test's store is in.</summary>
public enum StoreBackend
{
    /// <summary>The embedded SQLite file.</summary>
    Sqlite,

    /// <summary>A fresh database on the tests' PostgreSQL server (<see cref="PostgresServer"/>); the test skips where none can start.</summary>
    Postgres,
}

/// <summary>A store in a fresh temporary folder (and, on PostgreSQL, a fresh database), deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore(int batchSize = 1000, StoreBackend backend = StoreBackend.Sqlite)
    {
        Folder = Path.Combine(Path.GetTempPath(), "dbot-store-tests", Guid.NewGuid().ToString("N"));
        Store = HistoryStores.Open(new StoreOptions
        {
            DataDirectory = Folder, BatchSize = batchSize,
            ConnectionString = backend == StoreBackend.Postgres ? PostgresServer.RequireDatabase() : null,
        });
    }

    public string Folder { get; }

    public IHistoryStore Store { get; }

    /// <summary>A connection to the store's database, for tests that read its tables directly.</summary>
    public DbConnection OpenRaw()
    {
        DbConnection c = Store is PostgresHistoryStore pg
            ? pg.Database.Source.CreateConnection()
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store.Options.DatabasePath};Pooling=False");
        c.Open();
        return c;
    }

    public static readonly DateTimeOffset T0 = new(2026, 3, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>An event at <paramref name="minutes"/> after <see cref="T0"/>.</summary>
    public static StoredEvent Event(double minutes, DeliveryAction action = DeliveryAction.Delayed, string recipient = "a@icloud.com",
        string reply = "421 4.7.0 Deferred", string[]? rules = null, string receiver = "icloud", string? messageId = null,
        string reason = "blocked", string? sendingIp = "203.0.113.7") => new()
    {
        Timestamp = T0.AddMinutes(minutes),
        Action = action,
        Recipient = recipient,
        RecipientDomain = recipient.Split('@')[1],
        Receiver = receiver,
        Reason = action == DeliveryAction.Delivered ? "delivered" : reason,
        Category = "reputation",
        RuleIds = rules ?? (action == DeliveryAction.Delivered ? [] : ["ICL1022"]),
        RemoteHost = "mx01.mail.icloud.com",
        SendingIp = sendingIp,
        SenderDomain = "example.com",
        Reply = action == DeliveryAction.Delivered ? $"250 2.0.0 Ok: queued as {minutes}" : reply,
        MessageId = messageId ?? $"Q{minutes}",
        Source = "test.log",
    };

    public void Dispose()
    {
        if (Store is PostgresHistoryStore pg) pg.Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
