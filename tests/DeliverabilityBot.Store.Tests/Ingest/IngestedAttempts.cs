using DeliverabilityBot.Application;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>The attempts a store holds, one row each, sorted: to compare a live source's store with a file ingest's.</summary>
internal static class IngestedAttempts
{
    /// <summary>What a live copy of a log must keep: time, recipient, outcome, receiver, reason, reply, sender domain (not the source name).</summary>
    public static List<string> Of(DeliverabilityBotRuntime runtime)
    {
        if (!File.Exists(runtime.Store.Options.DatabasePath)) return [];
        using var c = new SqliteConnection($"Data Source={runtime.Store.Options.DatabasePath};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT e.ts, e.action, e.recipient, r.value, rs.value, sd.value, e.reply_code, COALESCE(e.reply_text, rp.text)
            FROM events e
            LEFT JOIN dims r ON r.id = e.receiver_id LEFT JOIN dims rs ON rs.id = e.reason_id
            LEFT JOIN dims sd ON sd.id = e.sender_domain_id LEFT JOIN replies rp ON rp.id = e.reply_id
            ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
            """;
        try
        {
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read())
            {
                // Month to second: an RFC 3164 line has no year, and the listener's guess may differ from a file's early in the year.
                var time = DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(0)).ToString("MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                rows.Add(time + "|" + string.Join("|", Enumerable.Range(1, r.FieldCount - 1).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
            rows.Sort(StringComparer.Ordinal);
            return rows;
        }
        catch (SqliteException)
        {
            return []; // not created yet
        }
    }

}
