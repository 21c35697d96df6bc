using System.Text.RegularExpressions;

namespace DeliverabilityBot.Checks.Domain;

/// <summary>Domain name helpers: validation and the organizational domain DMARC falls back to.</summary>
public static partial class DomainNames
{
    // Second-level labels under two-letter country codes that registries sell names below (co.uk, com.au, ne.jp, ...).
    private static readonly HashSet<string> CountrySecondLevels = new(StringComparer.Ordinal)
    {
        "co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go", "gv", "ltd", "plc", "sch", "nhs", "mil", "gob", "nic", "nom",
    };

    /// <summary>True for a syntactically valid host name of at least two labels (letters, digits, hyphens, underscores).</summary>
    public static bool IsValid(string name) => name.Length <= 253 && Name().IsMatch(name);

    /// <summary>Lower case without a trailing dot.</summary>
    public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>
    /// The organizational domain (RFC 7489 section 3.2) by a built-in rule instead of the Public Suffix List: the last two
    /// labels, or three under a two-letter country code whose second level is a registry suffix (<c>example.co.uk</c>).
    /// Exact for generic TLDs and the common country suffixes; a private suffix (<c>*.github.io</c>) is not known.
    /// </summary>
    public static string Organizational(string domain)
    {
        var labels = Normalize(domain).Split('.');
        if (labels.Length <= 2) return string.Join('.', labels);
        var take = labels[^1].Length == 2 && CountrySecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^Math.Min(take, labels.Length)..]);
    }

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.IgnoreCase)]
    private static partial Regex Name();
}
