using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Suppression;
using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Schema;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

internal sealed partial class PostgresHistoryReader
{
    public IReadOnlyList<RecipientFailure> RecipientFailures(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        using var c = database.OpenConnection();
        var later = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = Command(c, RecipientFailureQuery.LatestNonFailures('@', receiverId is not null), w, receiverId))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) later[r.GetString(0)] = r.GetInt64(1);
        using var failures = Command(c, RecipientFailureQuery.Failures('@', receiverId is not null), w, receiverId);
        using var reader = failures.ExecuteReader();
        return RecipientFailureQuery.Read(reader, later, names);
    }

    public long DeferredOnlyRecipients(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = names.IdOf(DimensionKind.Receiver, receiver)) is null) return 0;
        using var c = database.OpenConnection();
        using var cmd = Command(c, RecipientFailureQuery.DeferredOnly('@', receiverId is not null), StoreWindow.Of(window.From, window.To), receiverId);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, string sql, StoreWindow w, long? receiverId)
    {
        var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("a", w.From);
        cmd.Parameters.AddWithValue("b", w.To);
        if (receiverId is { } r) cmd.Parameters.AddWithValue("r", r);
        return cmd;
    }
}
