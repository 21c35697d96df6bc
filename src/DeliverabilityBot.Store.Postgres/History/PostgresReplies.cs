using DeliverabilityBot.Store.Writing;
using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// Interns reply texts into the <c>replies</c> table, a batch's new texts in one statement; remembers recent ids
/// (bounded) so repeats cost a lookup.
/// </summary>
internal sealed class PostgresReplies(NpgsqlConnection connection, EventIdentity identity)
{
    private const int MaxRemembered = 50_000;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    /// <summary>Starts a batch: forgets the remembered ids when there are too many (never while a batch uses them).</summary>
    public void StartBatch()
    {
        if (_ids.Count > MaxRemembered) _ids.Clear();
    }

    /// <summary>Notes a text a batch needs; <see cref="InternNoted"/> adds the ones not known yet.</summary>
    public void Note(string text)
    {
        if (!_ids.ContainsKey(text)) _missing.Add(text);
    }

    /// <summary>Interns every text noted since the last call, in one round trip.</summary>
    public void InternNoted(NpgsqlTransaction tx)
    {
        if (_missing.Count == 0) return;
        // Texts are keyed by their hash: one row per hash, texts sharing a hash share its id (as one at a time did).
        var byHash = new Dictionary<long, string>();
        var hashOf = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in _missing)
        {
            var h = identity.OfText(t);
            hashOf[t] = h;
            byHash.TryAdd(h, t);
        }
        _missing.Clear();
        using var cmd = new NpgsqlCommand("""
            INSERT INTO replies(hash, text) SELECT * FROM unnest(@h, @t)
            ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING hash, id;
            """, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter("h", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = byHash.Keys.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = byHash.Values.ToArray() });
        var idOfHash = new Dictionary<long, long>(byHash.Count);
        using (var r = cmd.ExecuteReader())
            while (r.Read()) idOfHash[r.GetInt64(0)] = r.GetInt64(1);
        foreach (var (t, h) in hashOf) _ids[t] = idOfHash[h];
    }

    /// <summary>The id of a text interned before.</summary>
    public long IdOf(string text) =>
        _ids.TryGetValue(text, out var id) ? id : throw new InvalidOperationException("reply text was not interned before use");

    /// <summary>Forgets everything (after a rollback).</summary>
    public void Clear()
    {
        _ids.Clear();
        _missing.Clear();
    }
}
