using System.Numerics;

namespace DeliverabilityBot.Store.Writing.Messages;

/// <summary>
/// A Bloom filter over message lookup keys (<see cref="Schema.MessageLookupKey"/>): "surely not stored" lets the writer
/// create a message without seeking the index first, which is most messages of a new log. No false negatives as long as
/// every stored key is added; a false positive (about 1 in 100 at capacity) only costs the seek it would have cost anyway.
/// Blocked: the bits of one key sit in one 64-bit word, so a test or an add touches one cache line. The keys are already
/// uniform hashes, so the word and the bits are taken from the key itself.
/// </summary>
internal sealed class MessageKeyFilter
{
    private const int BitsPerKey = 12;
    private readonly ulong[] _words;
    private readonly ulong _wordMask;

    /// <summary>A filter sized for <paramref name="capacity"/> keys.</summary>
    public MessageKeyFilter(long capacity)
    {
        var words = BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1024L, capacity * BitsPerKey / 64));
        _words = new ulong[words];
        _wordMask = words - 1;
        Capacity = capacity;
    }

    /// <summary>Keys it is sized for; past them false positives grow.</summary>
    public long Capacity { get; }

    /// <summary>Keys added.</summary>
    public long Count { get; private set; }

    /// <summary>Remembers a stored key.</summary>
    public void Add(long key)
    {
        var k = unchecked((ulong)key);
        _words[k & _wordMask] |= Bits(k);
        Count++;
    }

    /// <summary>False when the key was surely never added.</summary>
    public bool MayContain(long key)
    {
        var k = unchecked((ulong)key);
        var bits = Bits(k);
        return (_words[k & _wordMask] & bits) == bits;
    }

    // Four bit positions from the key's top 24 bits (the word index uses the low bits).
    private static ulong Bits(ulong k) =>
        (1UL << (int)(k >> 58)) | (1UL << (int)((k >> 52) & 63)) | (1UL << (int)((k >> 46) & 63)) | (1UL << (int)((k >> 40) & 63));
}
