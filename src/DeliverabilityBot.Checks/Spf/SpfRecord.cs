using System.Globalization;
using System.Net;

namespace DeliverabilityBot.Checks.Spf;

/// <summary>A parsed SPF record (RFC 7208 sections 4.5 and 12), or the syntax error that makes it a permerror.</summary>
public sealed class SpfRecord
{
    private static readonly HashSet<string> Mechanisms = new(StringComparer.Ordinal) { "all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists" };

    private SpfRecord(string text, IReadOnlyList<SpfTerm> terms, string? error) => (Text, Terms, Error) = (text, terms, error);

    /// <summary>The record as published.</summary>
    public string Text { get; }

    /// <summary>The terms in order (empty when <see cref="Error"/> is set).</summary>
    public IReadOnlyList<SpfTerm> Terms { get; }

    /// <summary>The syntax error, or null.</summary>
    public string? Error { get; }

    /// <summary>The <c>all</c> mechanism, when present.</summary>
    public SpfTerm? All => Terms.FirstOrDefault(t => t.Name == "all");

    /// <summary>The <c>redirect=</c> modifier's domain, when present.</summary>
    public string? Redirect => Terms.FirstOrDefault(t => t.IsModifier && t.Name == "redirect")?.Argument;

    /// <summary>True when <paramref name="txt"/> is an SPF record: "v=spf1" alone or followed by a space (section 4.5).</summary>
    public static bool IsSpf(string txt) =>
        txt.StartsWith("v=spf1", StringComparison.OrdinalIgnoreCase) && (txt.Length == 6 || txt[6] == ' ');

    /// <summary>Parses a record that <see cref="IsSpf"/> accepted.</summary>
    public static SpfRecord Parse(string txt)
    {
        var terms = new List<SpfTerm>();
        foreach (var raw in txt[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var term = ParseTerm(raw, out var error);
            if (term is null) return new SpfRecord(txt, [], error);
            terms.Add(term);
        }
        if (terms.Count(t => t.IsModifier && t.Name == "redirect") > 1) return new SpfRecord(txt, [], "more than one redirect= modifier (RFC 7208 section 6)");
        if (terms.Count(t => t.IsModifier && t.Name == "exp") > 1) return new SpfRecord(txt, [], "more than one exp= modifier (RFC 7208 section 6)");
        return new SpfRecord(txt, terms, null);
    }

    private static SpfTerm? ParseTerm(string raw, out string? error)
    {
        error = null;
        var eq = raw.IndexOf('=');
        var colon = raw.IndexOf(':');
        var slash = raw.IndexOf('/');
        // A modifier: name "=" macro-string, the name an ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ) before any ':' or '/'.
        if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash) && char.IsAsciiLetter(raw[0]))
        {
            var name = raw[..eq].ToLowerInvariant();
            if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) { error = $"'{raw}' is not a valid modifier"; return null; }
            return new SpfTerm('\0', name, raw[(eq + 1)..], null, null);
        }
        var qualifier = raw[0] is '+' or '-' or '~' or '?' ? raw[0] : '+';
        var body = raw[0] is '+' or '-' or '~' or '?' ? raw[1..] : raw;
        var end = body.IndexOfAny([':', '/']);
        var mech = (end < 0 ? body : body[..end]).ToLowerInvariant();
        if (!Mechanisms.Contains(mech)) { error = $"'{raw}' is not an SPF mechanism (RFC 7208 section 5)"; return null; }
        var rest = end < 0 ? string.Empty : body[end..];
        string? argument = null;
        if (rest.StartsWith(':'))
        {
            // ip6 arguments contain ':' themselves: everything up to the first '/' is the argument.
            var cidrAt = rest.IndexOf('/', 1);
            argument = cidrAt < 0 ? rest[1..] : rest[1..cidrAt];
            rest = cidrAt < 0 ? string.Empty : rest[cidrAt..];
            if (argument.Length == 0) { error = $"'{raw}' has an empty argument"; return null; }
        }
        int? cidr4 = null, cidr6 = null;
        if (rest.Length > 0)
        {
            var parts = rest.Split('/');
            // "/24", "//64" or "/24//64"
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c4)) cidr4 = c4;
            else if (parts.Length == 3 && parts[1].Length == 0 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var c6)) cidr6 = c6;
            else if (parts.Length == 4 && parts[2].Length == 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b4)
                     && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var b6)) (cidr4, cidr6) = (b4, b6);
            else { error = $"'{raw}' has an invalid prefix length"; return null; }
        }
        if (mech == "ip6" && cidr4 is not null && cidr6 is null) (cidr4, cidr6) = (null, cidr4);
        if (cidr4 > 32 || cidr6 > 128) { error = $"'{raw}' has a prefix length out of range"; return null; }
        switch (mech)
        {
            case "all" when argument is not null || cidr4 is not null || cidr6 is not null:
                error = $"'{raw}': all takes no argument"; return null;
            case "include" or "exists" when argument is null:
                error = $"'{raw}': {mech} needs a domain"; return null;
            case "ip4" when argument is null || !Dns.IpText.TryParse(argument, out var v4) || v4.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || cidr6 is not null:
                error = $"'{raw}' is not a valid ip4 mechanism"; return null;
            case "ip6" when argument is null || !IPAddress.TryParse(argument, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6:
                error = $"'{raw}' is not a valid ip6 mechanism"; return null;
        }
        return new SpfTerm(qualifier, mech, argument, cidr4, cidr6);
    }
}
