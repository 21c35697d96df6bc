using System.Buffers;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// A file opened once: its first bytes (to tell what it holds), then, for a single message, the whole content in a
/// pooled buffer. Reading a small file once, in two reads, is what makes a folder of 20,000 emails cheap; the buffers
/// go back to the pool on <see cref="Dispose"/>, so nothing read from <see cref="ReadWhole"/> may outlive it.
/// </summary>
internal sealed class OpenedFile : IWholeInput, IDisposable
{
    private readonly FileStream _stream;
    private byte[] _head;
    private readonly int _headCount;
    private byte[]? _whole;

    private OpenedFile(FileStream stream, long length, byte[] head, int headCount)
    {
        _stream = stream;
        Length = length;
        _head = head;
        _headCount = headCount;
    }

    /// <summary>The file's length in bytes when opened.</summary>
    public long Length { get; }

    /// <summary>The first bytes (at most the count asked for in <see cref="Open(FileStream, int)"/>).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headCount);

    /// <summary>Opens <paramref name="path"/> for <see cref="Open(FileStream, int)"/> (a pipe opens too, but cannot seek).</summary>
    /// <exception cref="IOException">The file cannot be opened (and the like: see the callers' filters).</exception>
    public static FileStream OpenStream(string path) =>
        // No FileStream buffer: the reads below are already large, and a buffer would be one more copy.
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    /// <summary>Reads up to <paramref name="headBytes"/> bytes of the seekable <paramref name="stream"/>, which it owns from here on.</summary>
    /// <exception cref="IOException">The file cannot be read (and the like: see the callers' filters).</exception>
    public static OpenedFile Open(FileStream stream, int headBytes)
    {
        try
        {
            var length = stream.Length;
            var want = (int)Math.Min(headBytes, length);
            var head = ArrayPool<byte>.Shared.Rent(Math.Max(want, 1));
            var count = stream.ReadAtLeast(head.AsSpan(0, want), want, throwOnEndOfStream: false);
            return new OpenedFile(stream, length, head, count);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The whole file (the head and the rest, up to the length it had when opened) as a read-only stream over a pooled buffer; with
    /// <paramref name="crToLf"/>, lone-CR line ends become LF (old Mac files, which MIME parsers do not split on).
    /// </summary>
    public Stream ReadWhole(bool crToLf)
    {
        // Up to the length checked against the limits when opened: a file growing meanwhile is read as it was.
        var length = (int)Math.Max(Math.Min(Length, Array.MaxLength), _headCount);
        var buffer = _whole = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        _head.AsSpan(0, _headCount).CopyTo(buffer);
        var count = _headCount + _stream.ReadAtLeast(buffer.AsSpan(_headCount, length - _headCount), length - _headCount, throwOnEndOfStream: false);
        if (crToLf) buffer.AsSpan(0, count).Replace((byte)'\r', (byte)'\n');
        return new MemoryStream(buffer, 0, count, writable: false, publiclyVisible: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_head);
        _head = [];
        if (_whole is not null) ArrayPool<byte>.Shared.Return(_whole);
        _whole = null;
    }
}
