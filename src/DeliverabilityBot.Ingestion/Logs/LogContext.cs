using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// State shared by the lines of one log: the sender seen per queue id, and the recipients still pending per
/// queue id (deferred, not yet delivered or bounced), so a later Postfix <c>status=expired</c> line, which names no
/// recipient, can be turned into one expired event per pending recipient.
/// </summary>
/// <remarks>
/// Memory stays flat however long the log: a queue id's state is dropped when Postfix logs <c>removed</c> for it
/// (<see cref="Forget"/>), and otherwise when it has not been touched while <see cref="QueueIdCapacity"/> other
/// queue ids were (logs without <c>removed</c> lines, other MTAs). A message deferred for days on a server that
/// handles more than that many messages meanwhile loses its sender and its expiry event; the default keeps
/// 50,000 to 100,000 queue ids, more than Postfix's active queue holds (<c>qmgr_message_active_limit</c>, 20,000),
/// in about 15 MB. A queue id's state is a struct held in the dictionary under a <see cref="QueueKey"/>, not an object with
/// a string key: a million-line log creates hundreds of thousands of them, each living as long as its message, and as
/// objects the GC promoted every one of them (about 0.4 s of the parse thread and 0.5 s of GC pauses in a 1,000,000-line
/// ingest).
/// </remarks>
public sealed class LogContext
{
    /// <summary>Queue ids kept per generation by default: between one and two times this many are remembered.</summary>
    public const int DefaultQueueIdCapacity = 50_000;

    private int _index;
    private Dictionary<QueueKey, QueueState> _current = new();
    private Dictionary<QueueKey, QueueState> _previous = new();
    private const int MaxSendersShared = 10_000;
    private readonly Dictionary<string, Sender> _senders = new(StringComparer.Ordinal);

    /// <summary>Creates the state for one log; <paramref name="sending"/> gives our sending IP where the log does not.</summary>
    public LogContext(string source, int referenceYear, int queueIdCapacity = DefaultQueueIdCapacity, Sending.SendingMap? sending = null)
    {
        Source = source;
        ReferenceYear = referenceYear;
        QueueIdCapacity = Math.Max(1, queueIdCapacity);
        Sending = sending is { IsEmpty: false } ? sending : null;
    }

    /// <summary>The deployment's sending IPs for logs that do not record them (Postfix), or null when none is configured.</summary>
    public Sending.SendingMap? Sending { get; }

    /// <summary>The source (path) of the log.</summary>
    public string Source { get; }

    /// <summary>The year used for syslog timestamps, which carry none.</summary>
    public int ReferenceYear { get; }

    /// <summary>Queue ids remembered per generation (see remarks).</summary>
    public int QueueIdCapacity { get; }

    /// <summary>Queue ids remembered now (for tests and diagnostics).</summary>
    public int QueueIdsRemembered => _current.Count + _previous.Count;

    /// <summary>Replies already read from this log, by the text they were read from.</summary>
    internal RemoteDetailCache Details { get; } = new();

    /// <summary>
    /// A reader's own state for this log, created on first use (PowerMTA's CSV header, which says what each column of the
    /// records after it holds).
    /// </summary>
    public T StateOf<T>() where T : class, new()
    {
        _formatStates ??= [];
        if (_formatStates.TryGetValue(typeof(T), out var known)) return (T)known;
        var created = new T();
        _formatStates[typeof(T)] = created;
        return created;
    }

    private Dictionary<Type, object>? _formatStates;

    /// <summary>The next 1-based event index within this log.</summary>
    public int NextIndex() => ++_index;

    /// <summary>Remembers the envelope sender of a queue id.</summary>
    public void SetSender(string queueId, string sender) => StateOf(queueId, create: true).Sender = SenderFor(sender);

    /// <summary>Remembers that a queue id has the null sender (<c>from=&lt;&gt;</c>): a bounce or delay notice Postfix wrote itself.</summary>
    public void SetNullSender(string queueId) => StateOf(queueId, create: true).NullSender = true;

    /// <summary>Whether the queue id's sender was seen to be the null sender.</summary>
    public bool IsNullSender(string queueId)
    {
        ref var state = ref StateOf(queueId, create: false);
        return !Unsafe.IsNullRef(ref state) && state.NullSender;
    }

    /// <summary>Remembers the <c>Message-ID</c> of a queue id (Postfix cleanup's <c>message-id=</c>, Exim's <c>id=</c>).</summary>
    public void SetMessageId(string queueId, string? messageId)
    {
        if (messageId is null) return;
        StateOf(queueId, create: true).MessageId = messageId;
    }

    /// <summary>The <c>Message-ID</c> of a queue id, when seen.</summary>
    public string? MessageIdOf(string queueId)
    {
        ref var state = ref StateOf(queueId, create: false);
        return Unsafe.IsNullRef(ref state) ? null : state.MessageId;
    }

    /// <summary>The envelope sender of a queue id, when seen.</summary>
    public string? SenderOf(string queueId)
    {
        ref var state = ref StateOf(queueId, create: false);
        return Unsafe.IsNullRef(ref state) ? null : state.Sender?.Address;
    }

    /// <summary>The envelope sender's domain of a queue id, when seen (computed once per distinct sender).</summary>
    public string? SenderDomainOf(string queueId)
    {
        ref var state = ref StateOf(queueId, create: false);
        return Unsafe.IsNullRef(ref state) ? null : state.Sender?.Domain;
    }

    // A log has few distinct senders and many messages: each message's state points at one shared sender (address and
    // domain) rather than holding copies, which would live as long as the message and be promoted by the GC with it.
    private Sender SenderFor(string address)
    {
        if (_senders.TryGetValue(address, out var known)) return known;
        var sender = new Sender(address, Evidence.Addresses.DomainOf(address));
        if (_senders.Count < MaxSendersShared) _senders[address] = sender;
        return sender;
    }

    /// <summary>Tracks an attempt: deferred ones stay pending; delivered or bounced ones end the recipient's queue life.</summary>
    public void Track(BounceEvent e)
    {
        if (e.MessageId is null || e.Recipient is null) return;
        ref var state = ref StateOf(e.MessageId, create: e.Action == DeliveryAction.Delayed);
        if (Unsafe.IsNullRef(ref state)) return;
        if (e.Action == DeliveryAction.Delayed) (state.Pending ??= new(StringComparer.Ordinal))[e.Recipient] = e;
        else state.Pending?.Remove(e.Recipient);
    }

    /// <summary>Removes and returns the last deferral of each recipient still pending for a queue id.</summary>
    public IReadOnlyList<BounceEvent> TakePending(string queueId)
    {
        ref var state = ref StateOf(queueId, create: false);
        if (Unsafe.IsNullRef(ref state) || state.Pending is not { } pending) return [];
        state.Pending = null;
        return [.. pending.Values];
    }

    /// <summary>Forgets a queue id whose life is over (Postfix <c>removed</c>).</summary>
    public void Forget(string queueId)
    {
        var key = QueueKey.Of(queueId);
        _current.Remove(key);
        _previous.Remove(key);
    }

    // Two generations: when the current one is full it becomes the previous one and the old previous one is
    // dropped (its dictionary is reused); a queue id found in the previous generation moves back to the current one.
    // The reference returned is valid until the next change to either generation; null when absent and not created.
    private ref QueueState StateOf(string queueId, bool create)
    {
        var key = QueueKey.Of(queueId);
        ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_current, key);
        if (!Unsafe.IsNullRef(ref state)) return ref state;
        if (_previous.Remove(key, out var moved)) return ref Add(key, moved);
        if (!create) return ref Unsafe.NullRef<QueueState>();
        return ref Add(key, default);
    }

    private ref QueueState Add(QueueKey key, QueueState state)
    {
        if (_current.Count >= QueueIdCapacity)
        {
            (_previous, _current) = (_current, _previous);
            _current.Clear();
        }
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_current, key, out _);
        slot = state;
        return ref slot;
    }

    private sealed record Sender(string Address, string? Domain);

    private struct QueueState
    {
        public Sender? Sender;

        public string? MessageId;

        public Dictionary<string, BounceEvent>? Pending;

        public bool NullSender;
    }
}
