using Npgsql;

namespace DeliverabilityBot.Store.Postgres.Schema;

/// <summary>Brings a database's schema up to <see cref="PostgresMigrations.Latest"/>, in one transaction.</summary>
internal static class PostgresMigrator
{
    // Any fixed number: instances starting together wait for each other here instead of creating tables twice.
    private const long MigrationLock = 0x64626F74_00000001;

    public static void Migrate(NpgsqlConnection c, string location)
    {
        using var tx = c.BeginTransaction();
        Execute(c, tx, $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS dbot_schema (version integer NOT NULL);");
        using (var read = new NpgsqlCommand("SELECT max(version) FROM dbot_schema;", c, tx))
        {
            var current = read.ExecuteScalar() is int v ? v : 0;
            if (current > PostgresMigrations.Latest)
                throw new StoreException($"{location}: the database's schema version {current} is newer than this build's ({PostgresMigrations.Latest}); upgrade dbot.");
            for (var i = current; i < PostgresMigrations.Latest; i++)
                Execute(c, tx, PostgresMigrations.All[i]);
            if (current < PostgresMigrations.Latest)
                Execute(c, tx, $"DELETE FROM dbot_schema; INSERT INTO dbot_schema(version) VALUES ({PostgresMigrations.Latest});");
        }
        tx.Commit();
    }

    private static void Execute(NpgsqlConnection c, NpgsqlTransaction tx, string sql)
    {
        // No timeout: a migration that fills a new table from the stored attempts reads the whole history once.
        using var cmd = new NpgsqlCommand(sql, c, tx) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }
}
