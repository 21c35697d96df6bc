namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>
/// Splits a syslog TCP (or TLS) stream into messages as RFC 6587 and RFC 5425 frame them: octet counting
/// (<c>LEN SP MSG</c>, told by a leading digit) or non-transparent framing (a message ended by LF, or NUL as some
/// senders use), frame by frame. Memory stays bounded: a frame longer than the maximum is skipped, not buffered, and
/// counted in <see cref="Oversized"/>.
/// </summary>
public sealed class SyslogFrameReader
{
    private readonly Stream _stream;
    private readonly int _maxMessage;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Reads frames from <paramref name="stream"/>, each at most <paramref name="maxMessageBytes"/>.</summary>
    public SyslogFrameReader(Stream stream, int maxMessageBytes)
    {
        _stream = stream;
        _maxMessage = maxMessageBytes;
        _buffer = new byte[Math.Max(maxMessageBytes, 1024) + 16];
    }

    /// <summary>Frames skipped because they were longer than the maximum (or their length was unreadable).</summary>
    public long Oversized { get; private set; }

    /// <summary>The next message's bytes (a copy), or null at the end of the stream.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Trailers and blank lines between frames.
            while (true)
            {
                while (_start < _end && _buffer[_start] is (byte)'\n' or (byte)'\r' or 0 or (byte)' ') _start++;
                if (_start < _end) break;
                if (!await FillAsync(cancellationToken).ConfigureAwait(false)) return null;
            }
            var frame = char.IsAsciiDigit((char)_buffer[_start])
                ? await ReadCountedAsync(cancellationToken).ConfigureAwait(false)
                : await ReadDelimitedAsync(cancellationToken).ConfigureAwait(false);
            if (frame is { } bytes) return bytes;
            if (_eof && _start >= _end) return null;
        }
    }

    // "LEN SP" then LEN bytes; null when the frame was skipped. Offsets are kept from _start: a fill moves the bytes.
    private async ValueTask<byte[]?> ReadCountedAsync(CancellationToken cancellationToken)
    {
        long length = 0;
        var digits = 0;
        while (true)
        {
            if (_start + digits >= _end)
            {
                if (!await FillAsync(cancellationToken).ConfigureAwait(false)) { _start = _end; return null; }
                continue;
            }
            var b = _buffer[_start + digits];
            if (b == ' ' && digits > 0) break;
            // Not a length after all (a 3164 message without a priority starting with a digit): read it as delimited.
            if (!char.IsAsciiDigit((char)b) || digits > 9) return await ReadDelimitedAsync(cancellationToken).ConfigureAwait(false);
            length = length * 10 + (b - '0');
            digits++;
        }
        _start += digits + 1;
        if (length > _maxMessage)
        {
            Oversized++;
            await SkipAsync(length, cancellationToken).ConfigureAwait(false);
            return null;
        }
        while (_end - _start < length)
            if (!await FillAsync(cancellationToken).ConfigureAwait(false)) { _start = _end; return null; }
        var frame = _buffer.AsSpan(_start, (int)length).ToArray();
        _start += (int)length;
        return frame;
    }

    // Up to LF or NUL; a frame longer than the maximum is dropped up to its trailer.
    private async ValueTask<byte[]?> ReadDelimitedAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var trailer = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOfAny((byte)'\n', (byte)0);
            if (trailer >= 0)
            {
                var frame = _buffer.AsSpan(_start, scanned + trailer).ToArray();
                _start += scanned + trailer + 1;
                return frame;
            }
            scanned = _end - _start;
            if (scanned > _maxMessage)
            {
                Oversized++;
                // Drop what is buffered and everything up to the next trailer.
                _start = _end = 0;
                while (true)
                {
                    if (!await FillAsync(cancellationToken).ConfigureAwait(false)) return null;
                    var at = _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\n', (byte)0);
                    if (at >= 0) { _start += at + 1; return null; }
                    _start = _end = 0;
                }
            }
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                // The stream ended mid-message: what came is the last message.
                var last = _start < _end ? _buffer.AsSpan(_start, _end - _start).ToArray() : null;
                _start = _end;
                return last;
            }
        }
    }

    private async ValueTask SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start >= _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return;
            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    // Reads more bytes after those buffered (moving them to the front first); false at the end of the stream.
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof) return false;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) return true; // full: the caller decides (oversized)
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }
}
