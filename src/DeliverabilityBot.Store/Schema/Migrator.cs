using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Schema;

/// <summary>Brings a database to <see cref="Migrations.Latest"/>, one transaction per migration.</summary>
public static class Migrator
{
    /// <summary>Applies pending migrations; refuses a database written by a newer build.</summary>
    /// <exception cref="StoreException">The database is newer than this build, or a migration failed.</exception>
    public static void Migrate(SqliteConnection connection, string path)
    {
        var version = CurrentVersion(connection);
        if (version > Migrations.Latest)
            throw new StoreException($"{path}: schema version {version} is newer than this build understands ({Migrations.Latest}); upgrade dbot or use another --data folder.");
        // Migration 4 computes lookup keys the way the writer does.
        connection.CreateFunction<long, string, long>(MessageLookupKey.SqlFunction, MessageLookupKey.Of, isDeterministic: true);
        for (var v = version; v < Migrations.Latest; v++)
        {
            using var tx = connection.BeginTransaction();
            try
            {
                // Another process opening the same new store may have applied it while this one waited for the write lock.
                if (CurrentVersion(connection, tx) > v) continue;
                using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = Migrations.All[v] + $"\nPRAGMA user_version = {v + 1};";
                    cmd.ExecuteNonQuery();
                }
                tx.Commit();
            }
            catch (SqliteException ex)
            {
                throw new StoreException($"{path}: migration to schema version {v + 1} failed: {ex.Message}", ex);
            }
        }
    }

    /// <summary>The schema version stored in the file (0 for a new file).</summary>
    public static int CurrentVersion(SqliteConnection connection) => CurrentVersion(connection, null);

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
