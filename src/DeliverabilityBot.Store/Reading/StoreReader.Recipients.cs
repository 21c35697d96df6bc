using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Suppression;
using DeliverabilityBot.Store.Schema;
using System.Data.Common;

namespace DeliverabilityBot.Store.Reading;

public sealed partial class StoreReader
{
    /// <inheritdoc />
    public IReadOnlyList<RecipientFailure> RecipientFailures(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        using var c = _open();
        var later = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = Command(c, RecipientFailureQuery.LatestNonFailures('@', receiverId is not null), w, receiverId))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) later[r.GetString(0)] = r.GetInt64(1);
        using var failures = Command(c, RecipientFailureQuery.Failures('@', receiverId is not null), w, receiverId);
        using var reader = failures.ExecuteReader();
        return RecipientFailureQuery.Read(reader, later, _names);
    }

    /// <inheritdoc />
    public long DeferredOnlyRecipients(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return 0;
        using var c = _open();
        using var cmd = Command(c, RecipientFailureQuery.DeferredOnly('@', receiverId is not null), StoreWindow.Of(window.From, window.To), receiverId);
        return (long)cmd.ExecuteScalar()!;
    }

    private static DbCommand Command(DbConnection c, string sql, StoreWindow w, long? receiverId)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "@a", w.From);
        Add(cmd, "@b", w.To);
        if (receiverId is { } r) Add(cmd, "@r", r);
        return cmd;
    }
}
