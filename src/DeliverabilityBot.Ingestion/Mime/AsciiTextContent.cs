using System.Buffers;
using System.Text;
using System.Text.Unicode;
using MimeKit;
using MimeKit.Encodings;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Reads a text part without MimeKit's filter pipeline and charset detection when these could not change a character
/// of the result: the content (after MimeKit's own quoted-printable or base64 decoder, if any) is nothing but printable
/// ASCII, tabs and line ends under a charset that maps ASCII to itself (or none), or valid UTF-8 under a UTF-8 charset.
/// That is most bounce notices, and reading the notification was one of the larger costs of reading a bounce.
/// Anything else gets null, and the caller uses <see cref="TextPart.Text"/>.
/// </summary>
public static class AsciiTextContent
{
    /// <summary>Charsets whose decoders map every ASCII byte to the same character.</summary>
    private static readonly HashSet<string> AsciiCompatible = new(StringComparer.OrdinalIgnoreCase)
    {
        "us-ascii", "ascii", "utf-8", "utf8", "latin1",
        "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8",
        "iso-8859-9", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16",
        "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256",
        "windows-1257", "windows-1258",
    };

    // Bytes MimeKit's decoding could treat specially: NUL (charset sniffing) and ESC (ISO-2022 shifts).
    private static readonly SearchValues<byte> Control = SearchValues.Create([0, 0x1B]);

    /// <summary>The part's text when it is plain (see the class summary), else null.</summary>
    public static string? TryRead(TextPart part)
    {
        var content = part.Content;
        if (content is null) return null;
        var charset = part.ContentType.Charset?.Trim();
        if (!string.IsNullOrEmpty(charset) && !AsciiCompatible.Contains(charset)) return null;
        var utf8 = charset is not null && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
        var decoder = content.Encoding switch
        {
            ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary => null,
            ContentEncoding.QuotedPrintable => new QuotedPrintableDecoder(),
            ContentEncoding.Base64 => (IMimeDecoder)new Base64Decoder(),
            _ => null,
        };
        if (decoder is null && content.Encoding is not (ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary))
            return null;
        var stream = content.Stream;
        if (stream is not { CanSeek: true } || stream.Length > IngestionLimits.Default.MaxMessageBytes) return null;
        var length = (int)stream.Length;
        var raw = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        byte[]? decoded = null;
        try
        {
            var position = stream.Position;
            stream.Position = 0;
            var read = stream.ReadAtLeast(raw.AsSpan(0, length), length, throwOnEndOfStream: false);
            stream.Position = position;
            var bytes = raw.AsSpan(0, read);
            if (decoder is not null)
            {
                decoded = ArrayPool<byte>.Shared.Rent(Math.Max(decoder.EstimateOutputLength(read), 1));
                bytes = decoded.AsSpan(0, decoder.Decode(raw, 0, read, decoded));
            }
            return TextOf(bytes, utf8);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
            if (decoded is not null) ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private static string? TextOf(ReadOnlySpan<byte> bytes, bool utf8)
    {
        if (bytes.ContainsAny(Control)) return null;
        string text;
        if (Ascii.IsValid(bytes)) text = Encoding.ASCII.GetString(bytes);
        // Valid UTF-8 decodes the same whatever the fallback; a leading byte-order mark is left to MimeKit.
        else if (utf8 && Utf8.IsValid(bytes) && !bytes.StartsWith("\uFEFF"u8)) text = Encoding.UTF8.GetString(bytes);
        else return null;
        if (!bytes.Contains((byte)'\r')) return text;
        // As MimeKit's text decoding does: CRLF becomes LF, a lone CR stays, except a last one, which is dropped
        // (it matters: "\r\r\n" is one line end, not two, once the caller turns lone CRs into LF).
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\r') ? text[..^1] : text;
    }
}
