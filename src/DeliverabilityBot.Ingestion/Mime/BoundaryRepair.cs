using System.Text.RegularExpressions;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Repairs a multipart whose declared boundary never occurs in its body (seen in real bounces whose header was
/// rewritten by a gateway, e.g. Sisimai's rhost-google-02 and rfc3464-06 samples): MimeKit then sees no parts and
/// keeps everything as preamble. The boundary actually used (a <c>--X</c> line followed by part headers) is put
/// in the header and the message parsed again.
/// </summary>
public static partial class BoundaryRepair
{
    /// <summary>The repaired message, or <paramref name="message"/> itself when nothing needed repair.</summary>
    public static MimeMessage Repair(MimeMessage message, ParserOptions options)
    {
        if (message.Body is not Multipart { Count: 0 } multipart || string.IsNullOrEmpty(multipart.Preamble)) return message;
        var found = BoundaryLine().Match(multipart.Preamble);
        if (!found.Success) return message;
        try
        {
            multipart.ContentType.Boundary = found.Groups["b"].Value;
            using var buffer = new MemoryStream();
            message.WriteTo(buffer);
            buffer.Position = 0;
            return MimeMessage.Load(options, buffer);
        }
        catch (Exception ex) when (ex is FormatException or ParseException or ArgumentException)
        {
            return message; // the repair failed; the original is read as text
        }
    }

    // "--boundary" followed on the next line by a part header.
    [GeneratedRegex(@"^--(?<b>[^\s]{1,70}?)[ \t]*\r?\n(?:Content-[\w-]+:)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BoundaryLine();
}
