using Npgsql;

namespace DeliverabilityBot.Store.Postgres;

/// <summary>
/// Reads the PostgreSQL connection strings dbot accepts: a URL (<c>postgres://user:password@host:5432/dbot?sslmode=require</c>,
/// as container platforms hand them out) or Npgsql's own <c>Host=...;Database=...</c> form.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Whether <paramref name="value"/> names a PostgreSQL database (a URL with the postgres or postgresql scheme, or a <c>Host=</c> string).</summary>
    public static bool IsPostgres(string? value) => StoreConnection.IsPostgres(value);

    /// <summary>The Npgsql form of <paramref name="value"/>.</summary>
    /// <exception cref="StoreException">The value is not a usable PostgreSQL connection string (the message never repeats a password).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        if (!IsPostgres(value))
            throw new StoreException("the store connection string is neither a postgres:// URL nor Host=...; e.g. postgres://dbot:secret@db:5432/dbot");
        try
        {
            return value.Contains("://", StringComparison.Ordinal) ? FromUrl(value) : new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
        {
            throw new StoreException($"the PostgreSQL connection string cannot be read: {ex.GetType().Name} (e.g. postgres://dbot:secret@db:5432/dbot).", ex);
        }
    }

    /// <summary>Where a connection string points, for messages: <c>postgres://host:port/database</c>, never the user's password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder b) => $"postgres://{b.Host}:{b.Port}/{b.Database}";

    private static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        var uri = new Uri(value);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "dbot",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        // Query parameters are Npgsql keywords (sslmode=require, host=/run/postgresql for a Unix socket, ...).
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            b[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
        }
        return b;
    }
}
