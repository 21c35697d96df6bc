using System.Text.Json;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Store.Incidents;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>Alert incidents in the shared database (tables as the SQLite store's schema 5), so every instance sees one incident per episode.</summary>
internal sealed class PostgresIncidentStore(PostgresDatabase database) : IIncidentStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<Incident> Open() => Query<Incident>("SELECT body FROM incidents WHERE state = 0 ORDER BY opened_ts, id;", _ => { });

    public IReadOnlyList<Incident> List(string? receiver, bool includeResolved, int limit) => Query<Incident>(
        $"SELECT body FROM incidents WHERE (@r::text IS NULL OR receiver = @r){(includeResolved ? "" : " AND state = 0")} ORDER BY opened_ts DESC, id DESC LIMIT @n;",
        p =>
        {
            p.Add(new NpgsqlParameter("r", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)receiver ?? DBNull.Value });
            p.AddWithValue("n", (long)limit);
        });

    public Incident? Find(long id) => Query<Incident>("SELECT body FROM incidents WHERE id = @id;", p => p.AddWithValue("id", id)).FirstOrDefault();

    public Incident Save(Incident incident)
    {
        try
        {
            using var c = database.OpenConnection();
            using var tx = c.BeginTransaction();
            var id = incident.Id;
            if (id == 0)
            {
                using var insert = Command(c, tx, "INSERT INTO incidents(key, receiver, state, opened_ts, body) VALUES (@k, @r, @s, @o, '{}') RETURNING id;", incident);
                id = (long)insert.ExecuteScalar()!;
            }
            var saved = incident with { Id = id };
            using (var update = Command(c, tx, "UPDATE incidents SET key = @k, receiver = @r, state = @s, opened_ts = @o, body = @b WHERE id = @id;", saved))
            {
                update.Parameters.AddWithValue("b", JsonSerializer.Serialize(saved, Json));
                update.Parameters.AddWithValue("id", id);
                if (update.ExecuteNonQuery() != 1) throw new StoreException($"{database.Location}: incident {id} does not exist.");
            }
            tx.Commit();
            return saved;
        }
        catch (PostgresException ex)
        {
            throw new StoreException($"{database.Location}: cannot save incident {incident.Key}: {ex.MessageText}", ex);
        }
    }

    public IReadOnlyList<IncidentPost> Posts(long incidentId) =>
        Query<IncidentPost>("SELECT body FROM incident_posts WHERE incident_id = @id ORDER BY channel, target;", p => p.AddWithValue("id", incidentId));

    public void SavePost(IncidentPost post)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            INSERT INTO incident_posts(incident_id, channel, target, body) VALUES (@id, @c, @t, @b)
            ON CONFLICT (incident_id, channel, target) DO UPDATE SET body = excluded.body;
            """, c);
        cmd.Parameters.AddWithValue("id", post.IncidentId);
        cmd.Parameters.AddWithValue("c", post.Channel);
        cmd.Parameters.AddWithValue("t", post.Target);
        cmd.Parameters.AddWithValue("b", JsonSerializer.Serialize(post, Json));
        cmd.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Action<NpgsqlParameterCollection> bind)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, c);
        bind(cmd.Parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(JsonSerializer.Deserialize<T>(r.GetString(0), Json)!);
        return list;
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction tx, string sql, Incident incident)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.Parameters.AddWithValue("k", incident.Key);
        cmd.Parameters.AddWithValue("r", incident.Receiver);
        cmd.Parameters.AddWithValue("s", (int)incident.State);
        cmd.Parameters.AddWithValue("o", incident.OpenedAt.ToUnixTimeSeconds());
        return cmd;
    }
}
