using System.Text.Json;
using DeliverabilityBot.Core.Alerts;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Incidents;

/// <summary>
/// <see cref="IIncidentStore"/> over the embedded SQLite history (tables <c>incidents</c> and <c>incident_posts</c>,
/// schema 5): the columns the queries filter on, the rest as JSON, so the record can grow without a migration.
/// </summary>
internal sealed class SqliteIncidentStore(DeliverabilityStore store) : IIncidentStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<Incident> Open() => Query("SELECT body FROM incidents WHERE state = 0 ORDER BY opened_ts, id;", _ => { });

    public IReadOnlyList<Incident> List(string? receiver, bool includeResolved, int limit) => Query(
        $"SELECT body FROM incidents WHERE ($r IS NULL OR receiver = $r){(includeResolved ? "" : " AND state = 0")} ORDER BY opened_ts DESC, id DESC LIMIT $n;",
        p =>
        {
            p.AddWithValue("$r", (object?)receiver ?? DBNull.Value);
            p.AddWithValue("$n", limit);
        });

    public Incident? Find(long id) => Query("SELECT body FROM incidents WHERE id = $id;", p => p.AddWithValue("$id", id)).FirstOrDefault();

    public Incident Save(Incident incident)
    {
        try
        {
            using var c = store.OpenConnection();
            using var tx = c.BeginTransaction();
            var id = incident.Id;
            if (id == 0)
            {
                using var insert = Command(c, tx, "INSERT INTO incidents(key, receiver, state, opened_ts, body) VALUES ($k, $r, $s, $o, '{}') RETURNING id;", incident);
                id = (long)insert.ExecuteScalar()!;
            }
            var saved = incident with { Id = id };
            using (var update = Command(c, tx, "UPDATE incidents SET key = $k, receiver = $r, state = $s, opened_ts = $o, body = $b WHERE id = $id;", saved))
            {
                update.Parameters.AddWithValue("$b", JsonSerializer.Serialize(saved, Json));
                update.Parameters.AddWithValue("$id", id);
                if (update.ExecuteNonQuery() != 1) throw new StoreException($"{store.DatabasePath}: incident {id} does not exist.");
            }
            tx.Commit();
            return saved;
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"{store.DatabasePath}: cannot save incident {incident.Key}: {ex.Message}", ex);
        }
    }

    public IReadOnlyList<IncidentPost> Posts(long incidentId)
    {
        using var c = store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT body FROM incident_posts WHERE incident_id = $id ORDER BY channel, target;";
        cmd.Parameters.AddWithValue("$id", incidentId);
        using var r = cmd.ExecuteReader();
        var posts = new List<IncidentPost>();
        while (r.Read()) posts.Add(JsonSerializer.Deserialize<IncidentPost>(r.GetString(0), Json)!);
        return posts;
    }

    public void SavePost(IncidentPost post)
    {
        using var c = store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO incident_posts(incident_id, channel, target, body) VALUES ($id, $c, $t, $b)
            ON CONFLICT(incident_id, channel, target) DO UPDATE SET body = excluded.body;
            """;
        cmd.Parameters.AddWithValue("$id", post.IncidentId);
        cmd.Parameters.AddWithValue("$c", post.Channel);
        cmd.Parameters.AddWithValue("$t", post.Target);
        cmd.Parameters.AddWithValue("$b", JsonSerializer.Serialize(post, Json));
        cmd.ExecuteNonQuery();
    }

    private List<Incident> Query(string sql, Action<SqliteParameterCollection> bind)
    {
        using var c = store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        bind(cmd.Parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<Incident>();
        while (r.Read()) list.Add(JsonSerializer.Deserialize<Incident>(r.GetString(0), Json)!);
        return list;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, Incident incident)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$k", incident.Key);
        cmd.Parameters.AddWithValue("$r", incident.Receiver);
        cmd.Parameters.AddWithValue("$s", (int)incident.State);
        cmd.Parameters.AddWithValue("$o", incident.OpenedAt.ToUnixTimeSeconds());
        return cmd;
    }
}
