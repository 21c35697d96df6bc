using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DeliverabilityBot.Core.Suppression;

/// <summary>The suppression list as a file: CSV (RFC 4180, header row) or JSON (an array of objects).</summary>
public static class SuppressionExport
{
    /// <summary>The formats <see cref="Write"/> takes.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["csv", "json"];

    /// <summary>The media type of a format.</summary>
    public static string MediaType(string format) => format == "json" ? "application/json" : "text/csv";

    /// <summary>The entries in <paramref name="format"/> (<c>csv</c> or <c>json</c>).</summary>
    public static string Write(IReadOnlyList<SuppressionEntry> entries, string format)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return format switch
        {
            "csv" => Csv(entries),
            "json" => JsonSerializer.Serialize(entries.Select(e => new
            {
                recipient = e.Recipient, receiver = e.Receiver, reason = e.Reason,
                lastBounce = e.LastBounce.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), rule = e.RuleId, reply = e.Reply,
            }), JsonOptions) + "\n",
            _ => throw new ArgumentException($"Unknown format '{format}': use csv or json.", nameof(format)),
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static string Csv(IReadOnlyList<SuppressionEntry> entries)
    {
        var sb = new StringBuilder("recipient,receiver,reason,last_bounce,rule,reply\r\n");
        foreach (var e in entries)
            sb.Append(string.Join(',', new[] { Field(e.Recipient), Field(e.Receiver), Field(e.Reason), e.LastBounce.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), Field(e.RuleId), Field(Defused(e.Reply)) })).Append("\r\n");
        return sb.ToString();
    }

    // A reply starting with =, +, - or @ gets a leading ' so a spreadsheet does not run it as a formula (addresses are kept as they are).
    private static string Defused(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;

    // RFC 4180 quoting.
    private static string Field(string value)
    {
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
