using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Store.Tests;

/// <summary>A store in a fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore(int batchSize = 1000)
    {
        Folder = Path.Combine(Path.GetTempPath(), "dbot-store-tests", Guid.NewGuid().ToString("N"));
        Store = DeliverabilityStore.Open(new StoreOptions { DataDirectory = Folder, BatchSize = batchSize });
    }

    public string Folder { get; }

    public DeliverabilityStore Store { get; }

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
