using System.Text.RegularExpressions;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Repairs a multipart whose declared boundary never occurs in its body (seen in real bounces whose header was
/// rewritten by a gateway, e.g. Sisimai's rhost-google-02 and rfc3464-06 samples): MimeKit then sees no parts and
/// keeps everything as preamble; the same happens to a nested multipart. The boundary actually used (a <c>--X</c> line followed by part headers) is put
/// in the header and the message parsed again.
/// </summary>
public static partial class BoundaryRepair
{
    /// <summary>The repaired message, or <paramref name="message"/> itself when nothing needed repair.</summary>
    public static MimeMessage Repair(MimeMessage message, ParserOptions options)
    {
        var repaired = false;
        foreach (var multipart in EmptyMultiparts(message.Body, depth: 0))
        {
            var found = BoundaryLine().Match(multipart.Preamble ?? string.Empty);
            if (!found.Success) continue;
            multipart.ContentType.Boundary = found.Groups["b"].Value;
            repaired = true;
        }
        if (!repaired) return message;
        try
        {
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

    // Multiparts (at any depth, bounded) that MimeKit parsed into no parts but a preamble: the top level, or a
    // nested one whose boundary parameter sat on an unfolded line (Sisimai's lhost-verizon-02, lhost-apachejames-01).
    private static IEnumerable<Multipart> EmptyMultiparts(MimeEntity? entity, int depth)
    {
        if (entity is not Multipart mp || depth > MaxDepth) yield break;
        if (mp.Count == 0 && !string.IsNullOrEmpty(mp.Preamble)) yield return mp;
        foreach (var child in mp)
            foreach (var empty in EmptyMultiparts(child, depth + 1)) yield return empty;
    }

    private const int MaxDepth = 8;

    // "--boundary" followed on the next line by a part header.
    [GeneratedRegex(@"^--(?<b>[^\s]{1,70}?)[ \t]*\r?\n(?:Content-[\w-]+:)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BoundaryLine();
}
