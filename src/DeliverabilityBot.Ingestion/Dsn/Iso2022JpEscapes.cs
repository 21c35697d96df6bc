using System.Text;

namespace DeliverabilityBot.Ingestion.Dsn;

/// <summary>
/// Decodes ISO-2022-JP text written raw into a DSN field (Lotus Domino puts its Japanese <c>Diagnostic-Code</c> there
/// without RFC 2047 encoding): the escape sequences (<c>ESC $ B</c> ... <c>ESC ( B</c>) are 7-bit, so the field
/// reaches us as ASCII with escape characters. Text without those sequences is returned unchanged.
/// </summary>
public static class Iso2022JpEscapes
{
    private const char Escape = '\u001b';

    /// <summary>The decoded text, or <paramref name="value"/> itself when it holds no ISO-2022-JP escape.</summary>
    public static string Decode(string value)
    {
        if (value.IndexOf(Escape) < 0 || !IsAscii(value)) return value;
        if (!value.Contains(Escape + "$B", StringComparison.Ordinal) && !value.Contains(Escape + "$@", StringComparison.Ordinal)) return value;
        try
        {
            CodePages.EnsureRegistered();
            return Encoding.GetEncoding("iso-2022-jp").GetString(Encoding.ASCII.GetBytes(value));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            return value; // undecodable: keep the raw text rather than lose the field
        }
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
            if (c > 0x7f) return false;
        return true;
    }
}
