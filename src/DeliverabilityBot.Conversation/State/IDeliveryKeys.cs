namespace DeliverabilityBot.Conversation.State;

/// <summary>
/// Remembers the delivery keys of channel requests (Slack event ids, Teams activity ids, ...) for a while, so a platform's
/// re-delivery is answered once: in memory for one instance, in a shared database when several instances answer. Thread-safe.
/// </summary>
public interface IDeliveryKeys
{
    /// <summary>Records the key; false when it was already recorded within the keys' lifetime (by this or another instance).
    /// Of several callers racing on one key, exactly one gets true.</summary>
    bool TryAdd(string key);

    /// <summary>Forgets a key, so a delivery that could not be queued is accepted when re-sent.</summary>
    void Forget(string key);
}
