using System.Text.RegularExpressions;

namespace DeliverabilityBot.Ingestion.Evidence;

/// <summary>Small helpers for the email addresses found in bounce evidence.</summary>
public static partial class Addresses
{
    /// <summary>Normalises an address: strips <c>rfc822;</c>, angle brackets, quotes and whitespace; lower-cases. Null if it is not an address.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var m = AddressPattern().Match(raw);
        return m.Success ? m.Value.Trim('.').ToLowerInvariant() : null;
    }

    /// <summary>The domain part of a normalised address, or null.</summary>
    public static string? DomainOf(string? address)
    {
        if (address is null) return null;
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : null;
    }

    /// <summary>The first address anywhere in <paramref name="text"/>, normalised, or null.</summary>
    public static string? FirstIn(string? text) => Normalize(text);

    /// <summary>Matches one address (local part without spaces, a dotted domain).</summary>
    [GeneratedRegex(@"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+", RegexOptions.CultureInvariant)]
    public static partial Regex AddressPattern();
}
