using System.Text;
using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Matching.Compiled;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>Fills a rule message's placeholders from the event and the rule's named regex groups.</summary>
public static partial class MessageFormatter
{
    /// <summary>The placeholders every message may use.</summary>
    public static IReadOnlySet<string> BuiltIn { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "recipient", "domain", "receiver", "host", "code", "status", "codes", "ip",
    };

    /// <summary>The message with placeholders filled; an unknown or empty value reads as "unknown" (or "?" for ip/code).</summary>
    public static string Format(string message, EventFacts facts, MatchDetail detail)
    {
        if (message.IndexOf('{') < 0) return message;
        return Placeholder().Replace(message, m =>
        {
            var name = m.Groups[1].Value;
            if (detail.Groups.TryGetValue(name, out var g)) return g;
            return name.ToLowerInvariant() switch
            {
                "recipient" => facts.Event.Recipient ?? facts.Domain ?? "the recipient",
                "domain" => facts.Domain ?? "unknown domain",
                "receiver" => facts.Receiver,
                "host" => facts.Host ?? "unknown host",
                "code" => facts.Code < 0 ? "no reply code" : facts.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "status" => facts.Status?.ToString() ?? (facts.Code < 0 ? "no status" : facts.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "codes" => Codes(facts),
                "ip" => FirstIp(facts.Text) ?? facts.Event.RemoteIp ?? "unknown IP",
                _ => m.Value,
            };
        });
    }

    // "550 5.1.1", "550", "5.1.1" or "no reply code": what the evidence has, never the same code twice.
    private static string Codes(EventFacts facts)
    {
        var code = facts.Code < 0 ? null : facts.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var status = facts.Status?.ToString();
        return (code, status) switch
        {
            (null, null) => "no reply code",
            (null, _) => status!,
            (_, null) => code,
            _ => code + " " + status,
        };
    }

    /// <summary>The first IPv4 address in <paramref name="text"/>, or null.</summary>
    public static string? FirstIp(string text)
    {
        var m = Ipv4().Match(text);
        return m.Success ? m.Value : null;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])")]
    private static partial Regex Ipv4();
}
