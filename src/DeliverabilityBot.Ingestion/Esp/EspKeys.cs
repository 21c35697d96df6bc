using System.Security.Cryptography;
using System.Text;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>Event ids made from an event's fields where the provider gives none that is stable (SendGrid's fallback, Brevo).</summary>
public static class EspKeys
{
    /// <summary>A short hex SHA-256 of the parts, each length-prefixed so <c>"a","bc"</c> and <c>"ab","c"</c> differ.</summary>
    public static string Of(params string?[] parts)
    {
        var text = new StringBuilder();
        foreach (var p in parts) text.Append(p?.Length ?? -1).Append(':').Append(p).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
