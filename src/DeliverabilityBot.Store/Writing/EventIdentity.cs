using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// An event's identity, a message id's key and a reply's key under one <see cref="IdentityScheme"/>. Identity covers
/// what the attempt was (time, outcome, recipient, remote host, reply, message id, sending IP), not where it was read
/// from, so the same log read twice, or from two paths, is stored once; events with neither a time nor a message id
/// also cover their source and position, since nothing else tells two of them apart.
/// </summary>
public abstract class EventIdentity
{
    /// <summary>The scheme this instance computes.</summary>
    public abstract IdentityScheme Scheme { get; }

    /// <summary>The event's identity (<c>events.hash</c>).</summary>
    public abstract long Of(StoredEvent e);

    /// <summary>The key of a text: a message id (<c>events.message_key</c>) or a reply (<c>replies.hash</c>).</summary>
    public abstract long OfText(string text);

    /// <summary>A new instance for <paramref name="scheme"/>; not thread-safe (it may reuse a buffer).</summary>
    public static EventIdentity For(IdentityScheme scheme) => scheme switch
    {
        IdentityScheme.Sha256 => new Sha256Identity(),
        IdentityScheme.XxHash3 => new XxHash3Identity(),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown identity scheme"),
    };

    /// <summary>Whether the event's identity includes its source and position (no time and no message id).</summary>
    protected static bool IsAnchorless(StoredEvent e) => e.TimestampEstimated && e.MessageId is null;
}
