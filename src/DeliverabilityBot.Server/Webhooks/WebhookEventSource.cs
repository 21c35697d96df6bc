using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Esp;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Store.Webhooks;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// The webhooks as an evidence source of the ingest pipeline (origin <c>webhook</c>): what the receiver queued, read in
/// chunks; each chunk's keys (replay keys and <c>provider:event id</c>) are recorded in the store first, and an event
/// whose key was there already (a retry that reached another instance, or this one before a restart) is dropped.
/// Events are built by <see cref="EspEventBuilder"/>. Each chunk is handed over at once, so it is committed without waiting for more.
/// </summary>
public sealed class WebhookEventSource(WebhookQueue queue, IWebhookKeyStore? keys, TimeProvider time) : IEvidenceSource
{
    private const int DeliveriesPerChunk = 256;

    /// <summary>The origin of committed batches.</summary>
    public const string OriginName = "webhook";

    /// <inheritdoc />
    public string Origin => OriginName;

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = queue.Reader;
        var deliveries = new List<WebhookDelivery>(DeliveriesPerChunk);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deliveries.Clear();
            while (deliveries.Count < DeliveriesPerChunk && reader.TryRead(out var d)) deliveries.Add(d);
            if (deliveries.Count == 0) continue;
            // Nothing to resume from (the queue is in memory): the chunk is handed over and committed at once.
            yield return new SourceChunk(OriginName, Events(deliveries, time.GetUtcNow())) { HandOverNow = true };
        }
    }

    private List<BounceEvent> Events(List<WebhookDelivery> deliveries, DateTimeOffset now)
    {
        var wanted = new List<string>();
        foreach (var d in deliveries)
        {
            if (d.ReplayKey is not null) wanted.Add(d.ReplayKey);
            wanted.AddRange(d.Attempts.Select(d.KeyOf));
        }
        var fresh = keys is null ? new HashSet<string>(wanted, StringComparer.Ordinal) : new HashSet<string>(keys.AddNew(wanted, now), StringComparer.Ordinal);
        var events = new List<BounceEvent>();
        foreach (var d in deliveries)
            foreach (var a in d.Attempts)
                if (fresh.Remove(d.KeyOf(a))) events.Add(EspEventBuilder.Build(d.Provider, StableIndex(a.EventId), a));
        return events;
    }

    // The event's position stands for its identity when it has neither a time nor a message id: derive it from the
    // provider's id, so the same event is the same row whichever request or restart brought it.
    private static int StableIndex(string eventId) => (int)(System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(eventId)) & 0x3FFFFFFF) + 1;
}
