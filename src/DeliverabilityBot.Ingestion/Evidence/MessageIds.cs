namespace DeliverabilityBot.Ingestion.Evidence;

/// <summary>
/// One spelling of a <c>Message-ID</c> for every source that carries it (Postfix cleanup's <c>message-id=&lt;...&gt;</c>,
/// Exim's <c>id=</c>, sendmail's <c>msgid=</c>, a DSN's returned headers), so evidence of one message joins.
/// </summary>
public static class MessageIds
{
    /// <summary>The id between its angle brackets, trimmed (case kept: ids are compared exactly); null when empty.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = raw.AsSpan().Trim();
        var open = s.IndexOf('<');
        if (open >= 0)
        {
            var close = s[(open + 1)..].IndexOf('>');
            s = close >= 0 ? s.Slice(open + 1, close) : s[(open + 1)..];
        }
        s = s.Trim();
        return s.Length == 0 ? null : s.ToString();
    }
}
