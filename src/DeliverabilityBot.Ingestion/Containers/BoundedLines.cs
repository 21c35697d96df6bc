namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Lines of a text, like <see cref="TextReader.ReadLine"/> (CR, LF or CRLF end a line), but each cut at a maximum
/// length while it is read: a 1 GB line costs the maximum, not a 1 GB string that is then cut.
/// </summary>
public static class BoundedLines
{
    private const int ChunkChars = 1 << 15;

    /// <summary>The lines of <paramref name="reader"/>, each at most <paramref name="maxLength"/> characters.</summary>
    public static IEnumerable<string> Read(TextReader reader, int maxLength)
    {
        var chunk = new char[ChunkChars];
        var line = new char[Math.Min(maxLength, ChunkChars)];
        var length = 0;
        var open = false; // characters seen since the last line end
        var skipLf = false; // the previous chunk ended with CR: a leading LF belongs to it
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            if (skipLf && chunk[0] == '\n') start = 1;
            skipLf = false;
            while (start < read)
            {
                var end = chunk.AsSpan(start, read - start).IndexOfAny('\r', '\n');
                var pieceLength = end < 0 ? read - start : end;
                Append(ref line, ref length, chunk.AsSpan(start, pieceLength), maxLength);
                open |= pieceLength > 0;
                if (end < 0) break;
                var endedByCr = chunk[start + end] == '\r';
                yield return new string(line, 0, length);
                length = 0;
                open = false;
                start += end + 1;
                if (endedByCr)
                {
                    if (start < read && chunk[start] == '\n') start++;
                    else if (start == read) skipLf = true;
                }
            }
        }
        if (open) yield return new string(line, 0, length);
    }

    private static void Append(ref char[] line, ref int length, ReadOnlySpan<char> piece, int maxLength)
    {
        var take = Math.Min(piece.Length, maxLength - length);
        if (take <= 0) return;
        if (length + take > line.Length) Array.Resize(ref line, Math.Min(maxLength, Math.Max(line.Length * 2, length + take)));
        piece[..take].CopyTo(line.AsSpan(length));
        length += take;
    }
}
