using System.Collections.Concurrent;
using DeliverabilityBot.Conversation.State;

namespace DeliverabilityBot.Server.Channels;

/// <summary>
/// Remembers recently seen delivery keys (activity ids, Slack event ids, message timestamps) so a
/// platform's re-delivery is not answered twice. Bounded in time and size; in memory, so one server
/// instance (several instances share the keys in PostgreSQL instead).
/// </summary>
public sealed class RecentKeys(TimeProvider time, TimeSpan lifetime, int capacity = 20_000) : IDeliveryKeys
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    /// <summary>How many keys are remembered now (an add at capacity prunes first, so at most the capacity but for concurrent adds).</summary>
    public int Count => seen.Count;

    /// <inheritdoc />
    public bool TryAdd(string key)
    {
        var now = time.GetUtcNow();
        if (seen.Count >= capacity)
        {
            Prune(now);
        }

        // Insert, or renew an expired entry, with compare-and-swap: exactly one of several threads racing on one key
        // (a Slack retry arriving while the first delivery is handled) wins. AddOrUpdate with a flag set in its delegates
        // let two win: a lost insert race falls through to the update delegate with the flag already set.
        while (true)
        {
            if (seen.TryAdd(key, now))
            {
                return true;
            }

            if (seen.TryGetValue(key, out var firstSeen))
            {
                if (now - firstSeen < lifetime)
                {
                    return false;
                }

                if (seen.TryUpdate(key, now, firstSeen))
                {
                    return true;
                }
            }
        }
    }

    /// <inheritdoc />
    public void Forget(string key) => seen.TryRemove(key, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, firstSeen) in seen)
        {
            if (now - firstSeen >= lifetime)
            {
                seen.TryRemove(key, out _);
            }
        }

        // Still full of live keys: drop the oldest half rather than grow without bound.
        if (seen.Count >= capacity)
        {
            foreach (var (key, _) in seen.OrderBy(pair => pair.Value).Take(seen.Count / 2))
            {
                seen.TryRemove(key, out _);
            }
        }
    }
}
