using System.IO.Compression;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// An input read once, forward only: standard input, a pipe or FIFO (no length, no seeking), or a gzip file
/// (decompressed as it is read). Its first bytes are taken to tell what it holds and given again at the start of
/// <see cref="Content"/>, so nothing is read twice and nothing needs a seek.
/// </summary>
internal sealed class ForwardInput : IWholeInput, IDisposable
{
    private const int ReadBuffer = 1 << 16;

    private readonly ForwardStream _content;
    private readonly byte[] _head;
    private readonly int _headCount;
    private SpillBuffer? _whole;

    private ForwardInput(ForwardStream content, byte[] head, int headCount, bool decompressed)
    {
        _content = content;
        _head = head;
        _headCount = headCount;
        Decompressed = decompressed;
    }

    /// <summary>True when the input is a gzip, decompressed as it is read.</summary>
    public bool Decompressed { get; }

    /// <summary>The first bytes of the content (decompressed for a gzip).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headCount);

    /// <summary>
    /// Takes the first <paramref name="headBytes"/> bytes of <paramref name="raw"/> (decompressed when it starts with
    /// the gzip magic bytes); owns <paramref name="raw"/> from here on, even when this throws.
    /// </summary>
    /// <exception cref="IOException">The input cannot be read, or is a gzip whose start is corrupt.</exception>
    public static ForwardInput Open(Stream raw, int headBytes)
    {
        try
        {
            var rawHead = new byte[headBytes];
            var rawCount = raw.ReadAtLeast(rawHead, headBytes, throwOnEndOfStream: false);
            if (!InputSniffer.IsGzip(rawHead.AsSpan(0, rawCount)))
                return new ForwardInput(new ForwardStream(rawHead, rawCount, Buffered(raw)), rawHead, rawCount, decompressed: false);
            var compressed = new ForwardStream(rawHead, rawCount, raw);
            var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            var head = new byte[headBytes];
            int count;
            try { count = gzip.ReadAtLeast(head, headBytes, throwOnEndOfStream: false); }
            catch (InvalidDataException ex) { throw new IOException($"not a readable gzip file: {ex.Message}", ex); }
            // Progress follows the compressed bytes: what a file's length (and so a progress total) counts.
            Func<long> consumed = raw.CanSeek ? () => raw.Position : () => compressed.Given;
            return new ForwardInput(new ForwardStream(head, count, Buffered(gzip), consumed, decompressed: true), head, count, decompressed: true);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The whole content, from its first byte, at most <paramref name="limit"/> bytes (reading past it throws an
    /// <see cref="IOException"/> saying so); disposing it disposes the input. Once only.
    /// </summary>
    public Stream Content(long limit, bool crToLf)
    {
        _content.Limit = limit;
        _content.CrToLf = crToLf;
        return _content;
    }

    /// <summary>How far into the raw input reading has gone (compressed bytes for a gzip).</summary>
    public long Consumed => _content.Position;

    /// <summary>
    /// Reads the whole content for <see cref="ReadWhole"/> (past 1 MB into a temporary file, see <see cref="SpillBuffer"/>),
    /// with lone-CR line ends made LF when <paramref name="crToLf"/>; false (and nothing held) when it is over
    /// <paramref name="limit"/> bytes.
    /// </summary>
    /// <exception cref="IOException">The input cannot be read (or its gzip data is corrupt).</exception>
    public bool TryBuffer(long limit, bool crToLf)
    {
        // Read up to one byte past the limit, never more: a gzip bomb costs the limit on disk, not the memory it would fill.
        _content.CrToLf = crToLf;
        var buffer = new SpillBuffer();
        var chunk = new byte[ReadBuffer];
        int read;
        while ((read = _content.Read(chunk, 0, Want(limit - buffer.Length, chunk.Length))) > 0)
        {
            buffer.Write(chunk.AsSpan(0, read));
            if (buffer.Length > limit)
            {
                buffer.Dispose();
                return false;
            }
        }
        _whole = buffer;
        return true;
    }

    private static int Want(long room, int chunk) => room >= chunk ? chunk : (int)room + 1;

    /// <inheritdoc />
    /// <remarks>Lone CRs were made LF while buffering (<see cref="TryBuffer"/>'s <c>crToLf</c>), so <paramref name="crToLf"/> is not used here.</remarks>
    public Stream ReadWhole(bool crToLf) => (_whole ?? throw new InvalidOperationException("the input was not buffered")).Read();

    /// <inheritdoc />
    public void Dispose()
    {
        _content.Dispose();
        _whole?.Dispose();
    }

    // Pipes and stdin give what the caller asks for; log lines and MIME are read in small pieces.
    private static BufferedStream Buffered(Stream stream) => new(stream, ReadBuffer);
}
