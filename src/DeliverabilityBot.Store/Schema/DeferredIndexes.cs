using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Schema;

/// <summary>
/// Indexes a bulk import drops and builds once at its end, instead of inserting into each of them row by row (issue
/// 13: about half the B-tree inserts of an ingest, and the one at a random place, the message lookup key). Only indexes
/// the writer never reads during an import are deferred: the readers' (time, rule set, latest deferral, first seen) and
/// the message lookup, which a bulk writer replaces with an exact map of the keys it knows (see
/// <see cref="Writing.Messages.MessageRowMap"/>). Unique indexes are never deferred: they are what keeps ingesting
/// twice from storing twice.
/// </summary>
/// <remarks>
/// Crash safety: the drop commits in one transaction with a <c>meta</c> row holding the dropped indexes' DDL as SQLite
/// stored it, and the rebuild commits in one transaction with that row's deletion. A process that dies in between
/// leaves the row; the next writer (which holds the data folder's writer lock), or the next open of the store that can
/// take the lock at once, builds the indexes again. Readers meanwhile get the same answers, found by scanning.
/// </remarks>
internal static class DeferredIndexes
{
    /// <summary>The <c>meta</c> key holding the DDL of the indexes dropped for an import, one statement a line.</summary>
    public const string MetaKey = "deferred_indexes";

    /// <summary>The indexes a bulk import may drop.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["ix_events_ts", "ix_events_ruleset_ts", "ix_events_deferred_message", "ix_messages_first", "ix_messages_lookup"];

    /// <summary>Whether indexes are dropped now (an import is running or died before building them).</summary>
    public static bool Pending(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT EXISTS (SELECT 1 FROM meta WHERE key = '{MetaKey}');";
        return (long)cmd.ExecuteScalar()! == 1;
    }

    /// <summary>Drops the deferrable indexes that exist, recording their DDL in the same transaction; returns how many were dropped.</summary>
    public static int Defer(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var ddl = new List<(string Name, string Sql)>();
        cmd.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({string.Join(", ", Names.Select(n => $"'{n}'"))});";
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                // One statement a line in meta: SQLite keeps the DDL as written, and none of these holds a string literal.
                var sql = r.GetString(1).ReplaceLineEndings(" ");
                if (sql.Contains(';', StringComparison.Ordinal))
                    throw new StoreException($"{connection.DataSource}: index {r.GetString(0)} has a DDL this build cannot defer: {sql}");
                ddl.Add((r.GetString(0), sql));
            }
        }
        if (ddl.Count == 0) return 0;
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k;";
        cmd.Parameters.AddWithValue("$k", MetaKey);
        var already = cmd.ExecuteScalar() as string;
        var lines = (already is null ? [] : already.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Concat(ddl.Select(d => d.Sql)).Distinct(StringComparer.Ordinal);
        cmd.CommandText = "INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
        cmd.Parameters.AddWithValue("$v", string.Join('\n', lines));
        cmd.ExecuteNonQuery();
        cmd.Parameters.Clear();
        foreach (var (name, _) in ddl)
        {
            cmd.CommandText = $"DROP INDEX {name};";
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return ddl.Count;
    }

    /// <summary>Builds the indexes an import dropped (each that does not exist already) and forgets the record, in one
    /// transaction; returns how many were built (0 when none was pending).</summary>
    /// <exception cref="StoreException">An index cannot be built.</exception>
    public static int Restore(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k;";
        cmd.Parameters.AddWithValue("$k", MetaKey);
        if (cmd.ExecuteScalar() is not string recorded) return 0;
        cmd.Parameters.Clear();
        var built = 0;
        foreach (var sql in recorded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = $n);";
            cmd.Parameters.AddWithValue("$n", IndexName(sql));
            var exists = (long)cmd.ExecuteScalar()! == 1;
            cmd.Parameters.Clear();
            if (exists) continue;
            cmd.CommandText = sql + ";";
            try
            {
                cmd.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                throw new StoreException($"{connection.DataSource}: cannot build index {IndexName(sql)} after an import ({sql}): {ex.Message}", ex);
            }
            built++;
        }
        cmd.CommandText = "DELETE FROM meta WHERE key = $k;";
        cmd.Parameters.AddWithValue("$k", MetaKey);
        cmd.ExecuteNonQuery();
        tx.Commit();
        return built;
    }

    // "CREATE INDEX ix_events_ts ON events(ts)" -> "ix_events_ts" (also after UNIQUE and IF NOT EXISTS).
    private static string IndexName(string sql)
    {
        var words = sql.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var on = Array.FindIndex(words, w => w.Equals("ON", StringComparison.OrdinalIgnoreCase));
        if (on < 1) throw new StoreException($"cannot read the index name in the recorded DDL '{sql}'");
        return words[on - 1];
    }
}
