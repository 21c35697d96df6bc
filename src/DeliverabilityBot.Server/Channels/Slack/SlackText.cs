using System.Net;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Turns Slack's inbound message markup back into what the person typed: the bot's mention removed,
/// <c>&lt;url|label&gt;</c> links and <c>&lt;@U…&gt;</c> mentions made plain, and &amp;amp; &amp;lt; &amp;gt; decoded.
/// </summary>
public static partial class SlackText
{
    /// <summary>Plain text addressed to the bot.</summary>
    public static string ToPlain(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!string.IsNullOrEmpty(botUserId))
        {
            text = text.Replace($"<@{botUserId}>", " ", StringComparison.Ordinal);
        }

        text = Markup().Replace(text, match =>
        {
            var inner = match.Groups[1].Value;
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : inner[(bar + 1)..];
            return target[0] switch
            {
                '@' or '#' => label is null ? target : target[0] + label,
                '!' => "@" + (label ?? target[1..]),
                _ => label ?? (target.StartsWith("mailto:", StringComparison.Ordinal) ? target[7..] : target),
            };
        });
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex("<([^<>]+)>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Markup();
}
