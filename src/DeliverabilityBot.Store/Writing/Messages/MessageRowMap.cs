using System.Numerics;

namespace DeliverabilityBot.Store.Writing.Messages;

/// <summary>
/// Every message lookup key a bulk writer knows (<see cref="Schema.MessageLookupKey"/>, the <c>messages.key</c> column)
/// with the row it was written to, while the lookup index is dropped (<see cref="Schema.DeferredIndexes"/>). Exact,
/// unlike <see cref="MessageKeyFilter"/>: a key it does not hold was never stored. Two rows under one key (a 64-bit
/// collision, or a message re-keyed and another taking its old key) mark the key ambiguous, and the writer then scans
/// the table for it as the index would have found it. Open addressing over two arrays: 16 bytes a slot, at most half full.
/// </summary>
internal sealed class MessageRowMap
{
    /// <summary>What <see cref="Find"/> returns for a key never stored.</summary>
    public const long Absent = 0;

    /// <summary>What <see cref="Find"/> returns for a key stored in more than one row.</summary>
    public const long Ambiguous = -1;

    private long[] _keys;
    private long[] _rows; // 0: an empty slot (row ids start at 1)
    private long _zeroKeyRow; // the key 0 cannot mark a slot, so its row is held apart
    private int _mask;

    /// <summary>A map sized for about <paramref name="expected"/> keys (it grows past them).</summary>
    public MessageRowMap(long expected)
    {
        var slots = (int)BitOperations.RoundUpToPowerOf2((ulong)Math.Clamp(expected * 2, 1024, 1L << 30));
        _keys = new long[slots];
        _rows = new long[slots];
        _mask = slots - 1;
    }

    /// <summary>Keys held.</summary>
    public long Count { get; private set; }

    /// <summary>The row of <paramref name="key"/>, or <see cref="Absent"/>, or <see cref="Ambiguous"/>.</summary>
    public long Find(long key)
    {
        if (key == 0) return _zeroKeyRow;
        for (var i = Slot(key); ; i = (i + 1) & _mask)
        {
            var row = _rows[i];
            if (row == 0) return Absent;
            if (_keys[i] == key) return row;
        }
    }

    /// <summary>Records that <paramref name="key"/> was written to row <paramref name="row"/> (a positive row id).</summary>
    public void Add(long key, long row)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(row);
        if (key == 0)
        {
            _zeroKeyRow = _zeroKeyRow == 0 || _zeroKeyRow == row ? row : Ambiguous;
            return;
        }
        if ((Count + 1) * 2 > _keys.Length) Grow();
        Put(_keys, _rows, _mask, key, row, counts: true);
    }

    private void Put(long[] keys, long[] rows, int mask, long key, long row, bool counts)
    {
        for (var i = Slot(key, mask); ; i = (i + 1) & mask)
        {
            if (rows[i] == 0)
            {
                keys[i] = key;
                rows[i] = row;
                if (counts) Count++;
                return;
            }
            if (keys[i] != key) continue;
            if (rows[i] != row) rows[i] = Ambiguous;
            return;
        }
    }

    private void Grow()
    {
        var keys = new long[_keys.Length * 2];
        var rows = new long[_rows.Length * 2];
        var mask = keys.Length - 1;
        for (var i = 0; i < _keys.Length; i++)
            if (_rows[i] != 0) Put(keys, rows, mask, _keys[i], _rows[i], counts: false);
        _keys = keys;
        _rows = rows;
        _mask = mask;
    }

    private int Slot(long key) => Slot(key, _mask);

    // The keys are uniform hashes already: their low bits are the slot.
    private static int Slot(long key, int mask) => (int)(key & mask);
}
