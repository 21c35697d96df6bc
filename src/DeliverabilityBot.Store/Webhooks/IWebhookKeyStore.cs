namespace DeliverabilityBot.Store.Webhooks;

/// <summary>
/// The keys of ESP webhook deliveries already taken (a provider's event id, a Mailgun token, an SNS message id), kept in
/// the store so a provider's retry or an attacker's replay is refused after a restart and by every instance sharing the
/// database. Keys are dropped after a lifetime longer than any provider's retry period. Thread-safe.
/// </summary>
public interface IWebhookKeyStore
{
    /// <summary>True when <paramref name="key"/> was recorded and not yet pruned.</summary>
    bool Contains(string key);

    /// <summary>
    /// Records <paramref name="keys"/> in one transaction and returns those that were not recorded before (by this or
    /// another instance): of several callers racing on one key, exactly one gets it back.
    /// </summary>
    IReadOnlySet<string> AddNew(IReadOnlyCollection<string> keys, DateTimeOffset seenAt);

    /// <summary>Drops the keys recorded before <paramref name="before"/>; returns how many.</summary>
    int Prune(DateTimeOffset before);
}
