using System.Text;
using CsCheck;

namespace DeliverabilityBot.Conversation.Tests.Properties;

/// <summary>
/// Generators of what people (and broken clients) send to a chat bot: any characters, control characters, lone
/// surrogates, right-to-left text, emoji, Slack and Teams markup, pasted bounces, and pastes of 100 KB and more.
/// </summary>
public static class ChatTextGen
{
    /// <summary>Pieces of real chat traffic, so generated texts reach the markup, evidence and entity paths.</summary>
    public static readonly string[] Fragments =
    [
        "why is icloud deferring us?", "stats for gmail", "explain", "show me examples", "what should we do", "last 24 hours",
        "since monday", "since 2026-11-20", "this week", "48h", "past 3 days", "ICL1001", "[CS01]", "[TSS04]", "jane@icloud.com",
        "203.0.113.7", "2001:db8::1", "554 5.7.1", "421 4.7.0", "550 5.1.1 <a@me.com>: user unknown", "said: 452 4.2.2 over quota",
        "status=deferred", "Diagnostic-Code: smtp; 554 5.7.1", "Action: failed", "Remote-MTA: dns; mx01.mail.icloud.com",
        "<@U0BOT0001>", "<@U123|ana>", "<!here>", "<!subteam^S123|team>", "<#C123|general>", "<mailto:a@b.com|a@b.com>",
        "<https://ipcheck.proofpoint.com/?ip=1.2.3.4|link>", "<at>DeliverabilityBot</at>", "<at id=\"0\">Bot</at>", "<p>", "</p>",
        "<br/>", "<div>", "</span>", "&amp;", "&lt;", "&gt;", "&#x1F600;", "&nbsp;", "```", "```text\n", "`", "> ", ">>> ",
        "\n", "\r\n", "\r", "\t", " ", "?", "!", "...", "\u0000", "\u0007", "\u001b[31m", "\u200b", "\u200f", "\u202e",
        "\ufeff", "\ud800", "\udc00", "\udbff\udfff", "😀", "👩‍👩‍👧", "שלום", "مرحبا", "Ünïcödé", "İ", "ß", "ﬀ", "\u0130cloud",
    ];

    /// <summary>Any string CsCheck makes (every UTF-16 code unit, lone surrogates included).</summary>
    public static readonly Gen<string> Anything = Gen.String;

    /// <summary>Fragments and arbitrary characters mixed, up to a few hundred characters.</summary>
    public static readonly Gen<string> Mixed =
        Gen.Frequency<string>((3, Gen.OneOf<string>(Fragments)), (1, Gen.Char.Select(c => c.ToString())), (1, Gen.String))
            .Array[0, 40]
            .Select(parts => string.Concat(parts));

    /// <summary>A pasted block of 100 KB to 300 KB: repeated fragments, log lines or one long unbroken line.</summary>
    public static readonly Gen<string> HugePaste =
        Gen.Select(Mixed, Gen.Int[100 * 1024, 300 * 1024], Gen.Bool).Select((unit, size, oneLine) => Repeat(unit, size, oneLine));

    /// <summary>Anything, mixed fragments, and now and then a huge paste.</summary>
    public static readonly Gen<string> Hostile = Gen.Frequency<string>((4, Mixed), (3, Anything), (1, HugePaste));

    private static string Repeat(string unit, int size, bool oneLine)
    {
        var piece = unit.Length == 0 ? "x" : oneLine ? unit.Replace('\n', ' ') : unit + "\n";
        var builder = new StringBuilder(size + piece.Length);
        while (builder.Length < size)
        {
            builder.Append(piece);
        }

        return builder.ToString();
    }
}
