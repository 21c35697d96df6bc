namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// A queue id as a dictionary key held by value: up to 16 ASCII characters are packed into 128 bits (7 bits each after
/// the length), so the key holds no string; longer or non-ASCII ids (rare) keep their text. Two ids are equal exactly
/// when their texts are (ordinal).
/// </summary>
internal readonly struct QueueKey : IEquatable<QueueKey>
{
    private const int MaxPacked = 16;
    private readonly UInt128 _packed;
    private readonly string? _text;

    private QueueKey(UInt128 packed, string? text)
    {
        _packed = packed;
        _text = text;
    }

    /// <summary>The key of <paramref name="queueId"/>.</summary>
    public static QueueKey Of(string queueId)
    {
        if (queueId.Length > MaxPacked) return new(0, queueId);
        UInt128 packed = (uint)queueId.Length;
        foreach (var c in queueId)
        {
            if (c > 0x7F) return new(0, queueId);
            packed = (packed << 7) | c;
        }
        return new(packed, null);
    }

    /// <inheritdoc />
    public bool Equals(QueueKey other) => _packed == other._packed && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QueueKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _text is null ? _packed.GetHashCode() : StringComparer.Ordinal.GetHashCode(_text);
}
