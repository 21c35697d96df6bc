namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>The fields of an ARF <c>message/feedback-report</c> part; unlike DSN fields, some repeat (<c>Original-Rcpt-To</c>).</summary>
public sealed class FeedbackFields
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>Parses <c>Name: value</c> lines (folded lines unfolded).</summary>
    public static FeedbackFields Parse(string text)
    {
        var f = new FeedbackFields();
        foreach (var raw in NotificationText.Normalize(text).Split('\n'))
        {
            if (raw.Length == 0) continue;
            if (char.IsWhiteSpace(raw[0]) && f._fields.Count > 0)
            {
                var last = f._fields[^1];
                f._fields[^1] = new(last.Key, last.Value + " " + raw.Trim());
                continue;
            }
            var colon = raw.IndexOf(':');
            if (colon > 0) f._fields.Add(new(raw[..colon].Trim(), raw[(colon + 1)..].Trim()));
        }
        return f;
    }

    /// <summary>The first value of a field, or null.</summary>
    public string? First(string name) =>
        _fields.FirstOrDefault(kv => kv.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Every value of a field.</summary>
    public IEnumerable<string> All(string name) =>
        _fields.Where(kv => kv.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(kv => kv.Value);
}
