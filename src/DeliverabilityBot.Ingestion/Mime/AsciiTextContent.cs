using System.Buffers;
using System.Text;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Reads a text part straight from its raw content when MimeKit's decoding could not change a character of it: no
/// transfer encoding (7bit, 8bit, binary or none), a charset that maps ASCII to itself (or none), and nothing but
/// printable ASCII, tabs and line ends in the bytes. That is most bounce notices; they then skip MimeKit's filter
/// pipeline and charset detection (the larger part of reading the notification). Anything else gets null, and the
/// caller uses <see cref="TextPart.Text"/>.
/// </summary>
public static class AsciiTextContent
{
    /// <summary>Charsets whose decoders map every ASCII byte to the same character (lower case).</summary>
    private static readonly HashSet<string> AsciiCompatible = new(StringComparer.OrdinalIgnoreCase)
    {
        "us-ascii", "ascii", "utf-8", "utf8", "latin1",
        "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8",
        "iso-8859-9", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16",
        "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256",
        "windows-1257", "windows-1258",
    };

    // Bytes MimeKit's decoding could treat specially: NUL (charset sniffing), ESC (ISO-2022 shifts), and every byte
    // above 0x7F. Tabs, CR and LF stay: line ends are normalised by the caller either way.
    private static readonly SearchValues<byte> NotPlain = SearchValues.Create(
        [.. Enumerable.Range(0, 256).Select(b => (byte)b).Where(b => b is 0 or 0x1B or >= 0x80)]);

    /// <summary>The part's text when it is plain ASCII (see the class summary), else null.</summary>
    public static string? TryRead(TextPart part)
    {
        var content = part.Content;
        if (content is null) return null;
        if (content.Encoding is not (ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary))
            return null;
        var charset = part.ContentType.Charset;
        if (!string.IsNullOrEmpty(charset) && !AsciiCompatible.Contains(charset.Trim())) return null;
        var stream = content.Stream;
        if (stream is not { CanSeek: true } || stream.Length > IngestionLimits.Default.MaxMessageBytes) return null;
        var length = (int)stream.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var position = stream.Position;
            stream.Position = 0;
            var read = stream.ReadAtLeast(buffer.AsSpan(0, length), length, throwOnEndOfStream: false);
            stream.Position = position;
            var bytes = buffer.AsSpan(0, read);
            if (bytes.ContainsAny(NotPlain)) return null;
            var text = Encoding.ASCII.GetString(bytes);
            if (!bytes.Contains((byte)'\r')) return text;
            // As MimeKit's text decoding does: CRLF becomes LF, a lone CR stays, except a last one, which is dropped
            // (it matters: "\r\r\n" is one line end, not two, once the caller turns lone CRs into LF).
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            return text.EndsWith('\r') ? text[..^1] : text;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
