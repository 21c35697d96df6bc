using System.Globalization;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// A read-only, forward-only stream: bytes already read from an input (its head, taken to tell what it holds) then
/// the rest of it. Counts what it gives and fails past a limit (a pipe or a gzip has no length to check first; a
/// gzip bomb must stop at the limit, not when memory runs out). Optionally turns lone CR into LF as it reads.
/// </summary>
internal sealed class ForwardStream : Stream
{
    private readonly byte[] _head;
    private readonly int _headCount;
    private readonly Stream _rest;
    private readonly Func<long>? _consumed;
    private readonly bool _decompressed;
    private int _headRead;

    /// <param name="head">The bytes already read (not copied: not to be changed while this stream is read).</param>
    /// <param name="headCount">How many of <paramref name="head"/> are bytes of the input.</param>
    /// <param name="rest">The input after the head; disposed with this stream.</param>
    /// <param name="consumed">How far into the raw input reading has gone (a gzip's compressed bytes), for progress; default: the bytes given.</param>
    /// <param name="decompressed">True when <paramref name="rest"/> decompresses a gzip (its errors then say so).</param>
    public ForwardStream(byte[] head, int headCount, Stream rest, Func<long>? consumed = null, bool decompressed = false)
    {
        _head = head;
        _headCount = headCount;
        _rest = rest;
        _consumed = consumed;
        _decompressed = decompressed;
    }

    /// <summary>How many bytes this stream has given.</summary>
    public long Given { get; private set; }

    /// <summary>The most bytes this stream gives; reading past it throws an <see cref="IOException"/> saying so.</summary>
    public long Limit { get; set; } = long.MaxValue;

    /// <summary>Whether lone CR bytes are given as LF (old Mac files, which MIME parsers do not split on).</summary>
    public bool CrToLf { get; set; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int count;
        if (_headRead < _headCount)
        {
            count = Math.Min(buffer.Length, _headCount - _headRead);
            _head.AsSpan(_headRead, count).CopyTo(buffer);
            _headRead += count;
        }
        else
        {
            try { count = _rest.Read(buffer); }
            catch (InvalidDataException ex) when (_decompressed)
            {
                throw new IOException($"the gzip data is corrupt after {Given:N0} decompressed bytes: {ex.Message}", ex);
            }
        }
        if (CrToLf) buffer[..count].Replace((byte)'\r', (byte)'\n');
        Given += count;
        if (Given > Limit)
            throw new IOException($"over the {Megabytes(Limit)} MB limit for this kind of input{(_decompressed ? " once decompressed" : "")}");
        return count;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>How far into the raw input reading has gone (for progress); cannot be set.</summary>
    public override long Position
    {
        get => _consumed?.Invoke() ?? Given;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Flush() { }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _rest.Dispose();
        base.Dispose(disposing);
    }

    internal static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
}
