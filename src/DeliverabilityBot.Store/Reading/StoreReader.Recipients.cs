using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Suppression;
using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Reading;

public sealed partial class StoreReader
{
    /// <inheritdoc />
    public IReadOnlyList<RecipientFailure> RecipientFailures(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        using var c = _store.OpenConnection();
        var later = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = Command(c, RecipientFailureQuery.LatestNonFailures('$', receiverId is not null), w, receiverId))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) later[r.GetString(0)] = r.GetInt64(1);
        using var failures = Command(c, RecipientFailureQuery.Failures('$', receiverId is not null), w, receiverId);
        using var reader = failures.ExecuteReader();
        return RecipientFailureQuery.Read(reader, later, _names);
    }

    /// <inheritdoc />
    public long DeferredOnlyRecipients(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return 0;
        using var c = _store.OpenConnection();
        using var cmd = Command(c, RecipientFailureQuery.DeferredOnly('$', receiverId is not null), StoreWindow.Of(window.From, window.To), receiverId);
        return (long)cmd.ExecuteScalar()!;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, StoreWindow w, long? receiverId)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$a", w.From);
        cmd.Parameters.AddWithValue("$b", w.To);
        if (receiverId is { } r) cmd.Parameters.AddWithValue("$r", r);
        return cmd;
    }
}
