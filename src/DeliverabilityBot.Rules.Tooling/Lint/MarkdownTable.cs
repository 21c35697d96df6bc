namespace DeliverabilityBot.Rules.Lint;

/// <summary>Reads the rows of pipe tables in a markdown file, with their 1-based line numbers and the section they are in.</summary>
public static class MarkdownTable
{
    /// <summary>One table row: its cells (trimmed, backticks removed), line, and the nearest <c>##</c> heading above it.</summary>
    public sealed record Row(IReadOnlyList<string> Cells, int Line, string Section);

    /// <summary>Data rows of every table (header and separator rows skipped).</summary>
    public static IReadOnlyList<Row> Rows(string text)
    {
        var rows = new List<Row>();
        var section = string.Empty;
        var inTable = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal)) section = line[3..].Trim();
            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('`').Trim()).ToArray();
            if (!inTable)
            {
                inTable = true; // header row
                continue;
            }
            if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'))) continue;
            rows.Add(new Row(cells, i + 1, section));
        }
        return rows;
    }
}
