namespace DeliverabilityBot.Ingestion.Dsn;

/// <summary>
/// Reads RFC 3464 field groups from plain text (a pasted <c>message/delivery-status</c> body, or a DSN whose report
/// part was mangled into text): groups are separated by blank lines (or a repeated recipient field, see <see cref="DsnFieldGroup.StartsNextRecipient"/>); continuation lines start with white space.
/// </summary>
public static class DsnFieldText
{
    /// <summary>The field groups in <paramref name="text"/>; lines that are not fields are ignored.</summary>
    public static IReadOnlyList<DsnFieldGroup> Parse(string text)
    {
        var groups = new List<DsnFieldGroup>();
        var current = new DsnFieldGroup();
        string? name = null;
        var value = new System.Text.StringBuilder();

        void Flush()
        {
            if (name is not null) current = DsnFieldGroup.AddField(groups, current, name, value.ToString());
            name = null;
            value.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Flush();
                if (!current.IsEmpty) groups.Add(current);
                current = new DsnFieldGroup();
                continue;
            }
            if (name is not null && char.IsWhiteSpace(line[0]))
            {
                value.Append(' ').Append(line.Trim());
                continue;
            }
            Flush();
            var colon = line.IndexOf(':');
            if (colon > 0 && IsFieldName(line.AsSpan(0, colon)))
            {
                name = line[..colon];
                value.Append(line[(colon + 1)..].Trim());
            }
        }
        Flush();
        if (!current.IsEmpty) groups.Add(current);
        return groups;
    }

    private static bool IsFieldName(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
        return true;
    }
}
