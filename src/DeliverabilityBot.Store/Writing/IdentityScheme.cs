namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// How a store computes event identities (<c>events.hash</c>), message keys (<c>events.message_key</c>) and reply keys
/// (<c>replies.hash</c>). Fixed per store (recorded in its <c>meta</c> table), so every hash it holds stays comparable:
/// a store that already held data when schema version 2 arrived keeps SHA-256, a new one uses XxHash3.
/// </summary>
public enum IdentityScheme
{
    /// <summary>64 bits of SHA-256 over UTF-8 parts (<see cref="ContentHash"/>): stores created before schema version 2.</summary>
    Sha256 = 1,

    /// <summary>XxHash3 (64 bits) over the UTF-16 parts, length-prefixed (<see cref="XxHash3Identity"/>): stores created since.</summary>
    XxHash3 = 2,
}
