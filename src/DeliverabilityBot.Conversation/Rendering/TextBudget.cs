using System.Text;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>Cuts text to a length without splitting a surrogate pair or an escape sequence.</summary>
internal static class TextBudget
{
    /// <summary>The ellipsis appended to cut text.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// Appends <paramref name="text"/> escaped piece by piece (each char through <paramref name="escape"/>)
    /// until <paramref name="max"/> characters; ends with an ellipsis when cut.
    /// </summary>
    public static string Fit(string text, int max, Func<char, string?> escape)
    {
        var output = new StringBuilder(Math.Min(text.Length, max));
        for (var i = 0; i < text.Length; i++)
        {
            var piece = char.IsHighSurrogate(text[i]) && i + 1 < text.Length
                ? text.Substring(i++, 2)
                : escape(text[i]) ?? text[i].ToString();
            if (output.Length + piece.Length > max - (i < text.Length - 1 ? Ellipsis.Length : 0))
            {
                return output.Append(Ellipsis).ToString();
            }

            output.Append(piece);
        }

        return output.ToString();
    }

    /// <summary>Cuts plain text (no escaping) to <paramref name="max"/> characters.</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : Fit(text, max, _ => null);

    /// <summary>
    /// Cuts already-escaped Slack markup to <paramref name="max"/> characters without leaving half an
    /// entity (<c>&amp;amp;</c>) or half a <c>&lt;link|title&gt;</c>.
    /// </summary>
    public static string FitMarkup(string markup, int max)
    {
        if (markup.Length <= max)
        {
            return markup;
        }

        var kept = Fit(markup, max)[..^Ellipsis.Length];
        var openTag = kept.LastIndexOf('<');
        if (openTag >= 0 && kept.IndexOf('>', openTag) < 0)
        {
            kept = kept[..openTag];
        }

        var amp = kept.LastIndexOf('&');
        if (amp >= 0 && amp > kept.Length - 6 && kept.IndexOf(';', amp) < 0)
        {
            kept = kept[..amp];
        }

        return kept + Ellipsis;
    }
}
