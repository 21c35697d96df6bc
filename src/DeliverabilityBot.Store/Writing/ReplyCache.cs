using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>Interns reply texts into the <c>replies</c> table; remembers recent ids so repeats cost a lookup.</summary>
internal sealed class ReplyCache
{
    // Keyed by the text itself: a repeat costs a string hash, not an identity hash. Bounded: cleared when full.
    private const int MaxRemembered = 50_000;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly SqliteCommand _upsert;
    private readonly EventIdentity _identity;

    public ReplyCache(SqliteConnection connection, EventIdentity identity)
    {
        _identity = identity;
        _upsert = connection.CreateCommand();
        // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING yields the existing row's id too.
        _upsert.CommandText = "INSERT INTO replies(hash, text) VALUES ($hash, $text) ON CONFLICT(hash) DO UPDATE SET hash = excluded.hash RETURNING id;";
        _upsert.Parameters.Add("$hash", SqliteType.Integer);
        _upsert.Parameters.Add("$text", SqliteType.Text);
    }

    /// <summary>The id of <paramref name="text"/>, stored when new.</summary>
    public long IdOf(string text, SqliteTransaction tx)
    {
        if (_ids.TryGetValue(text, out var id)) return id;
        if (_ids.Count >= MaxRemembered) _ids.Clear();
        var hash = _identity.OfText(text);
        _upsert.Transaction = tx;
        _upsert.Parameters["$hash"].Value = hash;
        _upsert.Parameters["$text"].Value = text;
        id = (long)_upsert.ExecuteScalar()!;
        _ids[text] = id;
        return id;
    }

    /// <summary>Forgets everything (after a rollback).</summary>
    public void Clear() => _ids.Clear();
}
