using System.Globalization;
using System.Net;
using System.Text;

namespace DeliverabilityBot.Checks.Spf;

/// <summary>
/// Expands SPF macros in a domain-spec (RFC 7208 section 7): %{s} %{l} %{o} %{d} %{i} %{h} %{v} with the digit and
/// 'r' transformers and delimiters, plus %%, %_ and %-. %{p} expands to "unknown" as the RFC allows; %{c} %{r} %{t}
/// are only valid in exp= and are refused here.
/// </summary>
public static class SpfMacro
{
    /// <summary>The facts macros expand to: the IP tested, the envelope sender, the domain being evaluated and the HELO name.</summary>
    public sealed record Context(IPAddress Ip, string Sender, string Domain, string Helo);

    /// <summary>Expands <paramref name="spec"/>; returns null and sets <paramref name="error"/> for a malformed macro.</summary>
    public static string? Expand(string spec, Context context, out string? error)
    {
        error = null;
        if (!spec.Contains('%', StringComparison.Ordinal)) return spec;
        var sb = new StringBuilder();
        for (var i = 0; i < spec.Length; i++)
        {
            var c = spec[i];
            if (c != '%') { sb.Append(c); continue; }
            if (i + 1 >= spec.Length) { error = $"'{spec}' ends with a lone '%'"; return null; }
            var n = spec[++i];
            switch (n)
            {
                case '%': sb.Append('%'); continue;
                case '_': sb.Append(' '); continue;
                case '-': sb.Append("%20"); continue;
                case '{': break;
                default: error = $"'{spec}' has an invalid macro '%{n}'"; return null;
            }
            var close = spec.IndexOf('}', i);
            if (close < 0) { error = $"'{spec}' has an unclosed macro"; return null; }
            var body = spec[(i + 1)..close];
            i = close;
            var value = Letter(char.ToLowerInvariant(body.Length > 0 ? body[0] : ' '), context);
            if (value is null) { error = $"'{spec}' has an unknown macro letter in '%{{{body}}}'"; return null; }
            var k = 1;
            var digitsStart = k;
            while (k < body.Length && char.IsAsciiDigit(body[k])) k++;
            int? keep = k > digitsStart ? int.Parse(body[digitsStart..k], CultureInfo.InvariantCulture) : null;
            var reverse = k < body.Length && (body[k] == 'r' || body[k] == 'R');
            if (reverse) k++;
            var delimiters = body[k..];
            if (keep == 0 || delimiters.Any(d => ".-+,/_=".IndexOf(d, StringComparison.Ordinal) < 0)) { error = $"'{spec}' has an invalid transformer in '%{{{body}}}'"; return null; }
            var parts = value.Split(delimiters.Length == 0 ? ['.'] : delimiters.ToCharArray()).ToList();
            if (reverse) parts.Reverse();
            if (keep is { } kk && kk < parts.Count) parts = parts.Skip(parts.Count - kk).ToList();
            var expanded = string.Join('.', parts);
            sb.Append(char.IsUpper(body[0]) ? Uri.EscapeDataString(expanded) : expanded);
        }
        return sb.ToString();
    }

    private static string? Letter(char letter, Context c) => letter switch
    {
        's' => c.Sender,
        'l' => c.Sender[..Math.Max(0, c.Sender.LastIndexOf('@'))] is { Length: > 0 } l ? l : "postmaster",
        'o' => c.Sender[(c.Sender.LastIndexOf('@') + 1)..],
        'd' => c.Domain,
        'i' => c.Ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? Nibbles(c.Ip) : c.Ip.ToString(),
        'p' => "unknown",
        'v' => c.Ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ip6" : "in-addr",
        'h' => c.Helo,
        _ => null,
    };

    /// <summary>An IPv6 address as dot-separated nibbles, most significant first (section 7.3).</summary>
    public static string Nibbles(IPAddress ip) =>
        string.Join('.', ip.GetAddressBytes().SelectMany(b => new[] { b >> 4, b & 0xF }).Select(n => n.ToString("x", CultureInfo.InvariantCulture)));
}
