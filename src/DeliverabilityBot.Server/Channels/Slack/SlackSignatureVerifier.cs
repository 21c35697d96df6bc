using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Slack request signing, v0: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> with the signing secret,
/// compared in constant time; the timestamp must be within 5 minutes of now (either way), so a captured
/// request cannot be replayed later, and re-stamping it breaks the signature.
/// </summary>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>How far the request timestamp may be from now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Checks the two signature headers against the raw body.</summary>
    public SlackSignatureResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureResult.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureResult.Malformed;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > Window)
        {
            return SlackSignatureResult.Stale;
        }

        if (!signature.StartsWith("v0=", StringComparison.Ordinal))
        {
            return SlackSignatureResult.BadSignature;
        }

        var expected = Encoding.ASCII.GetBytes("v0=" + Sign(options.Value.SigningSecret!, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackSignatureResult.Valid : SlackSignatureResult.BadSignature;
    }

    /// <summary>The lowercase hex HMAC for a timestamp and body (also used by tests to sign requests).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}

/// <summary>The outcome of checking a Slack signature.</summary>
public enum SlackSignatureResult
{
    /// <summary>Signed by Slack, recently.</summary>
    Valid,

    /// <summary>A signature header is missing.</summary>
    Missing,

    /// <summary>The timestamp is not a number.</summary>
    Malformed,

    /// <summary>The timestamp is more than 5 minutes away.</summary>
    Stale,

    /// <summary>The HMAC does not match.</summary>
    BadSignature,
}
