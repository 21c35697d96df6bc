namespace DeliverabilityBot.Store.Webhooks;

/// <summary>What the spool made of one request.</summary>
/// <param name="Replay">The request's replay key was taken before: nothing of it was spooled.</param>
/// <param name="Spooled">The keys of the events spooled now; the request's other events had been taken before.</param>
public sealed record SpoolOutcome(bool Replay, IReadOnlySet<string> Spooled)
{
    /// <summary>The outcome of a replay.</summary>
    public static SpoolOutcome Replayed { get; } = new(true, new HashSet<string>());
}
