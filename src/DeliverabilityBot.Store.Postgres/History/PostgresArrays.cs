using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>Array parameters for <c>unnest(...)</c>: a batch's rows in one statement, sent in binary.</summary>
internal static class PostgresArrays
{
    public static void Add(NpgsqlCommand cmd, string name, IEnumerable<long> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() });

    public static void Add(NpgsqlCommand cmd, string name, IEnumerable<int> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() });

    public static void Add(NpgsqlCommand cmd, string name, IEnumerable<string> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });

    public static void Add(NpgsqlCommand cmd, string name, IEnumerable<bool> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = values.ToArray() });
}
