namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>One message of an mbox: its bytes (without the <c>From </c> line), or only its size when over the limit.</summary>
/// <param name="Index">1-based position in the mbox.</param>
/// <param name="Content">The message (the reader disposes it), or null when it is over the limit (its bytes were let go).</param>
/// <param name="Size">Bytes of the message, counted to its end even when over the limit.</param>
internal sealed record MboxMessage(int Index, SpillBuffer? Content, long Size);

/// <summary>
/// Splits an mbox stream into messages at each line that starts with <c>From </c> (as MimeKit's mbox parser does), holding
/// at most one message of up to the per-email limit, and of that at most 1 MB in memory (<see cref="SpillBuffer"/>): a
/// larger message is counted to its end and given without its bytes, so a 1 GB message in an mbox costs a read buffer,
/// not a gigabyte, and the messages after it are still read. Lines are never held whole, however long.
/// </summary>
internal static class MboxSplitter
{
    private static ReadOnlySpan<byte> Marker => "From "u8;

    public static IEnumerable<MboxMessage> Split(Stream stream, long maxMessageBytes)
    {
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        var eof = false;
        var atLineStart = true;
        var inFromLine = false;
        var index = 0;
        SpillBuffer? content = null;
        var size = -1L; // no message yet

        bool Fill()
        {
            if (eof) return false;
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            var n = stream.Read(buffer, end, buffer.Length - end);
            if (n == 0) eof = true;
            end += n;
            return n > 0;
        }

        while (true)
        {
            if (start == end && !Fill()) break;
            if (atLineStart)
            {
                while (end - start < Marker.Length && Fill()) { }
                if (end - start >= Marker.Length && buffer.AsSpan(start, Marker.Length).SequenceEqual(Marker))
                {
                    if (size >= 0) yield return new MboxMessage(index, content, size);
                    index++;
                    size = 0;
                    content = new SpillBuffer();
                    inFromLine = true;
                }
                atLineStart = false;
                if (start == end) continue;
            }
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            var stop = newline < 0 ? end : start + newline + 1;
            if (!inFromLine && size >= 0)
            {
                size += stop - start;
                if (size <= maxMessageBytes) content!.Write(buffer.AsSpan(start, stop - start));
                else if (content is not null)
                {
                    content.Dispose(); // over the limit: let go of what was held (its temporary file too), keep counting
                    content = null;
                }
            }
            if (newline >= 0)
            {
                atLineStart = true;
                inFromLine = false;
            }
            start = stop;
        }
        if (size >= 0) yield return new MboxMessage(index, content, size);
    }
}
