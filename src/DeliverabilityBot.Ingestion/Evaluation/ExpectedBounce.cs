using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Evaluation;

/// <summary>One expected bounce of a labelled corpus (Sisimai's <c>expected.jsonl</c> format).</summary>
/// <param name="File">The path below the expected file's folder.</param>
/// <param name="Index">1-based recipient position within the file.</param>
/// <param name="Reason">The expected reason.</param>
/// <param name="Status">The expected enhanced status; empty when none; <c>x.0.9xx</c> is Sisimai's pseudo code for "none carried".</param>
/// <param name="ReplyCode">The expected SMTP reply code, or empty.</param>
/// <param name="HardBounce">The expected hard-bounce flag.</param>
public sealed record ExpectedBounce(string File, int Index, string Reason, string Status, string ReplyCode, bool HardBounce)
{
    /// <summary>Reads an expected file; a malformed line is an error naming the file and line.</summary>
    /// <exception cref="FormatException">A line is not a JSON object with <c>file</c> and <c>index</c>.</exception>
    public static IReadOnlyList<ExpectedBounce> Load(string path)
    {
        var list = new List<ExpectedBounce>();
        var lineNumber = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                list.Add(new ExpectedBounce(
                    r.GetProperty("file").GetString() ?? throw new FormatException("'file' is null"),
                    r.GetProperty("index").GetInt32(),
                    Text(r, "reason"), Text(r, "status"), Text(r, "replycode"),
                    r.TryGetProperty("hardbounce", out var h) && h.ValueKind == JsonValueKind.True));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path}({lineNumber}): not an expected-bounce line ({{\"file\", \"index\", \"reason\", \"status\", \"replycode\", \"hardbounce\"}}): {ex.Message}", ex);
            }
        }
        return list;
    }

    private static string Text(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? string.Empty,
            JsonValueKind.Number => v.GetRawText(),
            _ => string.Empty,
        } : string.Empty;
}
