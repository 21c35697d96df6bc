namespace DeliverabilityBot.Store.Webhooks;

/// <summary>
/// The ESP webhook spool: what a webhook request brought is written here, durably and in one transaction with the keys
/// that make it unique (a provider's event id, a replay token), before the request is acknowledged; the webhook writer
/// then claims the spooled events, stores them through the ingest pipeline and completes them. So an event acknowledged
/// 200 survives a crash (it is claimed again once its lease runs out), and a provider's retry reaching this or another
/// instance sharing the database is taken once (the keys are kept for a lifetime longer than any provider's retries).
/// Storing is idempotent (an event's identity), so a crash between the store's commit and <see cref="Complete"/> stores
/// nothing twice. Thread-safe.
/// </summary>
public interface IWebhookSpool
{
    /// <summary>Where the spool lives, for messages (a file, or the PostgreSQL database).</summary>
    string Location { get; }

    /// <summary>
    /// Takes the requests in one transaction, in order: a request whose replay key was taken before (by any instance) is a
    /// replay and takes nothing; otherwise each event whose key was not taken before is spooled and its key recorded.
    /// Returns one outcome per request, in order, once committed.
    /// </summary>
    IReadOnlyList<SpoolOutcome> Accept(IReadOnlyList<SpoolRequest> requests, DateTimeOffset receivedAt);

    /// <summary>
    /// Claims up to <paramref name="max"/> spooled events nobody holds (never claimed, or their claim older than its lease),
    /// oldest first, for <paramref name="owner"/> until <paramref name="leaseUntil"/>.
    /// </summary>
    IReadOnlyList<SpooledEvent> Claim(string owner, int max, DateTimeOffset now, DateTimeOffset leaseUntil);

    /// <summary>Removes stored events from the spool (their keys stay); ids no longer there are ignored.</summary>
    void Complete(IReadOnlyCollection<long> ids);

    /// <summary>Events spooled and not completed.</summary>
    long Pending();

    /// <summary>True when <paramref name="key"/> was taken and not yet pruned.</summary>
    bool Contains(string key);

    /// <summary>Drops the keys taken before <paramref name="before"/> (never those of events still spooled); returns how many.</summary>
    int Prune(DateTimeOffset before);
}
