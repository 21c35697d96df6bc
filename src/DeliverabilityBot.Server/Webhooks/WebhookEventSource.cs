using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Esp;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Store.Webhooks;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// The webhook spool as an evidence source of the ingest pipeline (origin <c>webhook</c>): claims what the receiver
/// spooled (up to <see cref="EventsPerChunk"/> at a time, for <see cref="WebhookOptions.SpoolLease"/>), builds the events
/// with <see cref="EspEventBuilder"/>, and completes them in the spool once the pipeline has committed them. Woken by
/// each spool commit of this instance, and looks every <see cref="WebhookOptions.SpoolPollInterval"/> for what another
/// instance left or a lease that ran out. A crash before the completion leaves the events spooled: they are claimed
/// again and stored once (an event's identity).
/// </summary>
public sealed class WebhookEventSource(WebhookSpoolWriter writer, WebhookOptions options, TimeProvider time) : IEvidenceSource
{
    /// <summary>Events claimed and handed over together at most.</summary>
    public const int EventsPerChunk = 512;

    /// <summary>The origin of committed batches.</summary>
    public const string OriginName = "webhook";

    // One owner per source run: a claim outlives a dead run only until its lease ends.
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <inheritdoc />
    public string Origin => OriginName;

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var spool = writer.Spool;
        writer.SetPending(spool.Pending());
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var claimed = spool.Claim(_owner, EventsPerChunk, now, now + options.SpoolLease);
            if (claimed.Count == 0)
            {
                await WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            var events = new List<BounceEvent>(claimed.Count);
            var problems = new List<string>();
            foreach (var s in claimed)
            {
                try
                {
                    var attempt = EspAttemptJson.Read(s.Payload);
                    events.Add(EspEventBuilder.Build(s.Provider, StableIndex(attempt.EventId), attempt));
                }
                catch (EspPayloadException ex)
                {
                    // Never readable, whoever claims it: reported and completed with the rest rather than claimed forever.
                    problems.Add($"{spool.Location}: spooled event {s.Key}: {ex.Message}; dropped");
                }
            }
            var ids = claimed.Select(s => s.Id).ToList();
            // Nothing to resume from: the chunk is committed at once, then its events leave the spool.
            yield return new SourceChunk(OriginName, events, Problem: problems.Count == 0 ? null : string.Join("; ", problems))
            {
                HandOverNow = true,
                Committed = () =>
                {
                    spool.Complete(ids);
                    writer.Completed(ids.Count);
                },
            };
        }
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.SpoolPollInterval);
        try
        {
            if (await writer.Spooled.WaitToReadAsync(wait.Token).ConfigureAwait(false)) writer.Spooled.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look again.
        }
    }

    // The event's position stands for its identity when it has neither a time nor a message id: derive it from the
    // provider's id, so the same event is the same row whichever request, instance or restart brought it.
    private static int StableIndex(string eventId) => (int)(System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(eventId)) & 0x3FFFFFFF) + 1;
}
