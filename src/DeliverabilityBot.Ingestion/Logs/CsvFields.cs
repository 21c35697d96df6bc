using System.Text;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>The fields of one CSV line as RFC 4180 writes them: commas between, double quotes around a field that holds one, "" for a quote.</summary>
internal static class CsvFields
{
    /// <summary>The fields of <paramref name="line"/> (a record on one line).</summary>
    public static List<string> Split(string line)
    {
        var fields = new List<string>(32);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
