using System.Buffers;
using System.Text;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>Tells what a file holds from its first few kilobytes.</summary>
public static class InputSniffer
{
    /// <summary>How many bytes are looked at.</summary>
    public const int SniffBytes = 8192;

    /// <summary>The kind of input <paramref name="head"/> (the file's first bytes) starts.</summary>
    public static InputKind Sniff(ReadOnlySpan<byte> head)
    {
        // Every file comes through here: the head is decoded into a pooled buffer and looked at in place (a string of
        // it, and its copies for line ends, were a tenth of what reading a folder of emails allocated).
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(head.Length, 1));
        try
        {
            var length = Encoding.Latin1.GetChars(head, buffer);
            return Sniff(NormalizeLineEnds(buffer.AsSpan(0, length)).TrimStart("\uFEFF\u00EF\u00BB\u00BF\n"));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static InputKind Sniff(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("From ", StringComparison.Ordinal))
        {
            var nl = text.IndexOf('\n');
            if (nl > 0 && TextEvidenceParser.LooksLikeEmail(text[(nl + 1)..])) return InputKind.Mbox;
        }
        if (TextEvidenceParser.LooksLikeEmail(text)) return InputKind.Email;
        // Up to 50 lines; the last line may be cut by the sniff window, so a line counts only when a line end follows it.
        for (var i = 0; i < 50; i++)
        {
            var nl = text.IndexOf('\n');
            if (nl < 0) break;
            if (MtaLogParser.LooksLikeLogLine(text[..nl].ToString())) return InputKind.Log;
            text = text[(nl + 1)..];
        }
        return InputKind.Text;
    }

    /// <summary>CRLF and lone CR become LF, in place; the span's new (possibly shorter) length is returned.</summary>
    private static Span<char> NormalizeLineEnds(Span<char> text)
    {
        var first = text.IndexOf('\r');
        if (first < 0) return text;
        var written = first;
        for (var i = first; i < text.Length; i++)
        {
            if (text[i] != '\r') text[written++] = text[i];
            else if (i + 1 >= text.Length || text[i + 1] != '\n') text[written++] = '\n';
        }
        return text[..written];
    }

    /// <summary>True when <paramref name="head"/> starts with the gzip magic bytes (1f 8b), whatever the file is called.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head is [0x1f, 0x8b, ..];

    /// <summary>True when the bytes use CR alone as the line terminator (old Mac files), which MIME parsers do not split on.</summary>
    public static bool IsCrOnly(ReadOnlySpan<byte> head) => head.Contains((byte)'\r') && !head.Contains((byte)'\n');
}
