using DeliverabilityBot.Store.Writing;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>Interns reply texts into the <c>replies</c> table; remembers recent ids (bounded) so repeats cost a lookup.</summary>
internal sealed class PostgresReplies(NpgsqlConnection connection, EventIdentity identity)
{
    private const int MaxRemembered = 50_000;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

    public long IdOf(string text, NpgsqlTransaction tx)
    {
        if (_ids.TryGetValue(text, out var id)) return id;
        if (_ids.Count >= MaxRemembered) _ids.Clear();
        using var cmd = new NpgsqlCommand("INSERT INTO replies(hash, text) VALUES (@h, @t) ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id;", connection, tx);
        cmd.Parameters.AddWithValue("h", identity.OfText(text));
        cmd.Parameters.AddWithValue("t", text);
        id = (long)cmd.ExecuteScalar()!;
        _ids[text] = id;
        return id;
    }

    /// <summary>Forgets everything (after a rollback).</summary>
    public void Clear() => _ids.Clear();
}
