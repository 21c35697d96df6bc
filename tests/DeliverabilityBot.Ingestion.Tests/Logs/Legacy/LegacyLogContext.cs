using DeliverabilityBot.Core.Events;

// Frozen copy of the regex-based reader as it was before the hand-written rewrite: the oracle the equivalence
// properties (PostfixEquivalenceProperties) compare the new reader with. Do not change it to follow the new code.
namespace DeliverabilityBot.Ingestion.Tests.Logs.Legacy;

/// <summary>
/// State shared by the lines of one log: the senders seen per queue id, and the recipients still pending
/// per queue id (deferred, not yet delivered or bounced), so a later Postfix <c>status=expired</c> line, which
/// names no recipient, can be turned into one expired event per pending recipient.
/// </summary>
public sealed class LegacyLogContext
{
    private int _index;
    private readonly Dictionary<string, string> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, BounceEvent>> _pending = new(StringComparer.Ordinal);

    /// <summary>Creates the state for one log.</summary>
    public LegacyLogContext(string source, int referenceYear)
    {
        Source = source;
        ReferenceYear = referenceYear;
    }

    /// <summary>The source (path) of the log.</summary>
    public string Source { get; }

    /// <summary>The year used for syslog timestamps, which carry none.</summary>
    public int ReferenceYear { get; }

    /// <summary>The next 1-based event index within this log.</summary>
    public int NextIndex() => ++_index;

    /// <summary>Remembers the envelope sender of a queue id.</summary>
    public void SetSender(string queueId, string sender) => _senders[queueId] = sender;

    /// <summary>The envelope sender of a queue id, when seen.</summary>
    public string? SenderOf(string queueId) => _senders.GetValueOrDefault(queueId);

    /// <summary>Tracks an attempt: deferred ones stay pending; delivered or bounced ones end the recipient's queue life.</summary>
    public void Track(BounceEvent e)
    {
        if (e.MessageId is null || e.Recipient is null) return;
        if (!_pending.TryGetValue(e.MessageId, out var byRecipient))
            _pending[e.MessageId] = byRecipient = new Dictionary<string, BounceEvent>(StringComparer.Ordinal);
        if (e.Action == DeliveryAction.Delayed) byRecipient[e.Recipient] = e;
        else byRecipient.Remove(e.Recipient);
    }

    /// <summary>Removes and returns the last deferral of each recipient still pending for a queue id.</summary>
    public IReadOnlyList<BounceEvent> TakePending(string queueId)
    {
        if (!_pending.Remove(queueId, out var byRecipient)) return [];
        return [.. byRecipient.Values];
    }
}
