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
        var text = Encoding.Latin1.GetString(head);
        text = text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        text = text.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', '\n');
        if (text.StartsWith("From ", StringComparison.Ordinal))
        {
            var nl = text.IndexOf('\n');
            if (nl > 0 && TextEvidenceParser.LooksLikeEmail(text.AsSpan(nl + 1))) return InputKind.Mbox;
        }
        if (TextEvidenceParser.LooksLikeEmail(text)) return InputKind.Email;
        var lines = text.Split('\n');
        // The last line may be cut by the sniff window; do not judge by it.
        for (var i = 0; i < lines.Length - 1 && i < 50; i++)
            if (MtaLogParser.LooksLikeLogLine(lines[i])) return InputKind.Log;
        return InputKind.Text;
    }

    /// <summary>True when the bytes use CR alone as the line terminator (old Mac files), which MIME parsers do not split on.</summary>
    public static bool IsCrOnly(ReadOnlySpan<byte> head) => head.Contains((byte)'\r') && !head.Contains((byte)'\n');
}
