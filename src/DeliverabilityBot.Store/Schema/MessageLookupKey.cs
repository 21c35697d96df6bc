using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace DeliverabilityBot.Store.Schema;

/// <summary>
/// The integer a message is looked up by (<c>messages.key</c> from its queue key, <c>messages.hkey</c> from its
/// Message-ID key): XxHash3 of the recipient's UTF-16 code units, seeded with the key. One 64-bit integer per index
/// entry instead of a key and a recipient text: smaller indexes and integer comparisons on every seek of the writer.
/// Stored since schema version 4 (and computed by its migration through <see cref="SqlFunction"/>): never change it.
/// </summary>
public static class MessageLookupKey
{
    /// <summary>The SQL function the migration computes the column with.</summary>
    public const string SqlFunction = "dbot_message_key";

    /// <summary>The lookup key of <paramref name="recipient"/> under the queue or Message-ID key <paramref name="key"/>.</summary>
    public static long Of(long key, string recipient) =>
        unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(recipient.AsSpan()), key));
}
