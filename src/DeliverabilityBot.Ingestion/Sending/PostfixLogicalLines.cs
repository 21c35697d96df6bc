namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>
/// Postfix's configuration file syntax (postconf(5), master(5)): a logical line starts with non-whitespace text and
/// continues on lines that start with whitespace; empty lines and lines whose first non-whitespace character is
/// <c>#</c> are ignored, also between the parts of one logical line. A <c>#</c> elsewhere is text.
/// </summary>
internal static class PostfixLogicalLines
{
    /// <summary>The logical lines of <paramref name="text"/>, each with the 1-based number of its first physical line.</summary>
    public static IEnumerable<(string Text, int Line)> Read(string text)
    {
        var lines = text.Split('\n');
        string? current = null;
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            if (char.IsWhiteSpace(line[0]) && current is not null)
            {
                current += " " + trimmed.TrimEnd();
                continue;
            }
            if (current is not null) yield return (current, start);
            current = trimmed.TrimEnd();
            start = i + 1;
        }
        if (current is not null) yield return (current, start);
    }
}
