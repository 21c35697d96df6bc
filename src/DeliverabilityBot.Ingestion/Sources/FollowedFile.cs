using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>
/// One open log file read a complete line at a time from a byte offset, tolerant of a writer appending meanwhile: a line
/// is given only once its LF is there (see <see cref="TakePartial"/> for the last line of a rotated file). Opened so the
/// file can be renamed, truncated or deleted under it. Also reads a gzip (a rotated log compressed) from its start.
/// </summary>
internal sealed class FollowedFile : IDisposable
{
    /// <summary>Bytes of a file's start its fingerprint covers.</summary>
    public const int HeadBytes = 256;

    private readonly Stream _stream;
    private readonly int _maxLine;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _skipping; // inside a line longer than the maximum: its rest is dropped up to its LF
    private readonly byte[] _head = new byte[HeadBytes];
    private readonly byte[] _headNow = new byte[HeadBytes];
    private int _headLength;
    private long _decompressed;

    private FollowedFile(string path, Stream stream, FileIdentity? identity, long offset, int maxLine, bool compressed)
    {
        Path = path;
        _stream = stream;
        Identity = identity;
        Offset = offset;
        _maxLine = Math.Max(1, maxLine);
        Compressed = compressed;
    }

    /// <summary>The path it was opened by (it may have been renamed since).</summary>
    public string Path { get; }

    /// <summary>Its device and inode when opened, null where they cannot be told.</summary>
    public FileIdentity? Identity { get; }

    /// <summary>True for a gzip: read once from its start, never appended to.</summary>
    public bool Compressed { get; }

    /// <summary>Bytes consumed through complete lines (decompressed bytes for a gzip).</summary>
    public long Offset { get; private set; }

    /// <summary>True once the file was seen truncated (a copytruncate rotation): nothing more is read from it.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Opens a plain file at offset 0.</summary>
    public static FollowedFile Open(string path, int maxLine)
    {
        var identity = FileIdentity.Of(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var file = new FollowedFile(path, stream, identity, 0, maxLine, compressed: false);
        file.ReadHead();
        return file;
    }

    /// <summary>Opens a gzip at its start (offsets count decompressed bytes).</summary>
    public static FollowedFile OpenGzip(string path, int maxLine)
    {
        var raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16);
        var file = new FollowedFile(path, new GZipStream(raw, CompressionMode.Decompress), FileIdentity.Of(path), 0, maxLine, compressed: true);
        return file;
    }

    /// <summary>The file's current length on disk (-1 for a gzip).</summary>
    public long Length => Compressed ? -1 : _stream.Length;

    /// <summary>The position to persist for the next unread line; <paramref name="refreshHead"/> false once the file was truncated.</summary>
    public FollowPosition Position(bool refreshHead = true)
    {
        // A file opened shorter than the fingerprint's span is fingerprinted again as it grows (its start does not change).
        if (refreshHead && !Compressed && _headLength < HeadBytes) ReadHead();
        return new(Identity?.Device ?? 0, Identity?.Inode ?? 0, Offset, _headLength, Hash(_head.AsSpan(0, _headLength)));
    }

    /// <summary>SHA-256 of <paramref name="bytes"/>, hex.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Whether this file starts with the bytes <paramref name="position"/> was fingerprinted from.</summary>
    public bool StartsLike(FollowPosition position)
    {
        // A gzip's start is known once read: buffered here, still given as lines afterwards.
        while (Compressed && _headLength < position.HeadLength && Offset == 0 && Fill()) { }
        return _headLength >= position.HeadLength && Hash(_head.AsSpan(0, position.HeadLength)) == position.HeadHash;
    }

    /// <summary>Whether the file's first bytes are still the ones read when it was opened (false after a truncation and rewrite).</summary>
    public bool HeadUnchanged()
    {
        if (Compressed || _headLength == 0) return true;
        var read = RandomAccessRead(_headNow, _headLength);
        return read == _headLength && _headNow.AsSpan(0, read).SequenceEqual(_head.AsSpan(0, _headLength));
    }

    /// <summary>
    /// Moves to <paramref name="offset"/> (a line start) without giving the lines before it; a seekable file is first moved
    /// to <paramref name="from"/> (the line after it), a gzip is read from its start. Every line skipped goes to
    /// <paramref name="skipped"/> (to rebuild the parser's state). Returns false when the file is shorter than <paramref name="offset"/>.
    /// </summary>
    public bool SkipTo(long offset, long from, Action<string> skipped)
    {
        if (!Compressed && from > 0)
        {
            // Land on a line start: the byte before 'from' is a line end, or the partial line up to the next one is dropped.
            _stream.Seek(from - 1, SeekOrigin.Begin);
            Offset = from - 1;
            _start = _end = 0;
            if (!TryReadLine(out _)) return false;
        }
        while (Offset < offset)
        {
            if (!TryReadLine(out var line)) return false;
            if (Offset <= offset) skipped(line);
        }
        return true;
    }

    /// <summary>Gives the next complete line (without its LF or CRLF), or false when none is complete yet.</summary>
    public bool TryReadLine(out string line)
    {
        while (true)
        {
            var lf = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var length = lf;
                var skipping = _skipping;
                _skipping = false;
                line = skipping ? "" : Decode(_buffer.AsSpan(_start, length));
                _start += lf + 1;
                Offset += lf + 1;
                if (skipping) continue; // the tail of a cut line was given with its head
                return true;
            }
            if (_end - _start >= _maxLine && !_skipping)
            {
                // A line longer than the maximum: its head is given now, its rest is dropped as it arrives.
                line = Decode(_buffer.AsSpan(_start, _maxLine));
                Offset += _end - _start;
                _start = _end = 0;
                _skipping = true;
                return true;
            }
            if (_skipping)
            {
                Offset += _end - _start;
                _start = _end = 0;
            }
            if (!Fill())
            {
                line = "";
                return false;
            }
        }
    }

    /// <summary>The last line when it has no LF (a rotated file's writer is gone, so it is complete), or null.</summary>
    public string? TakePartial()
    {
        while (Fill()) { }
        if (_end == _start) return null;
        var line = _skipping ? null : Decode(_buffer.AsSpan(_start, Math.Min(_end - _start, _maxLine)));
        Offset += _end - _start;
        _start = _end = 0;
        _skipping = false;
        return line;
    }

    private bool Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, Math.Max(_buffer.Length, _maxLine + 1)));
        if (_end == _buffer.Length) return false;
        if (Truncated) return false;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (!Compressed && (read > 0 ? !HeadUnchanged() : _stream.Length < _stream.Position))
        {
            // Truncated (and perhaps written again) under the reader: what was just read may be the new content from the
            // middle, so it is dropped; the caller finds the rest of the old content in its copy.
            Truncated = true;
            return false;
        }
        if (read <= 0) return false;
        // A gzip is read once from its start: its fingerprint is its first decompressed bytes, taken as they pass.
        if (Compressed && _headLength < HeadBytes && _decompressed == _headLength)
        {
            var take = Math.Min(read, HeadBytes - _headLength);
            _buffer.AsSpan(_end, take).CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
        }
        _decompressed += read;
        _end += read;
        return true;
    }

    private void ReadHead()
    {
        _headLength = RandomAccessRead(_head, HeadBytes);
    }

    private int RandomAccessRead(byte[] into, int count)
    {
        if (_stream is not FileStream fs) return 0;
        var total = 0;
        while (total < count)
        {
            var n = RandomAccess.Read(fs.SafeFileHandle, into.AsSpan(total, count - total), total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        return Encoding.UTF8.GetString(bytes);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
