namespace DeliverabilityBot.Store;

/// <summary>
/// Which database holds the history: <c>--store URL</c>, else the <c>DBOT_STORE</c> environment variable, else the
/// embedded SQLite file in the data folder. A <c>postgres://</c> (or <c>postgresql://</c>) URL or an Npgsql
/// <c>Host=...</c> string names a PostgreSQL database shared by several instances.
/// </summary>
public static class StoreConnection
{
    /// <summary>The environment variable that names the store's database.</summary>
    public const string EnvironmentVariable = "DBOT_STORE";

    /// <summary>The connection string in force, or null for the embedded SQLite file.</summary>
    /// <param name="explicitValue">The <c>--store</c> value (or the server's <c>ConnectionStrings:History</c>), or null.</param>
    public static string? Resolve(string? explicitValue)
    {
        if (!string.IsNullOrWhiteSpace(explicitValue)) return explicitValue.Trim();
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnv) ? null : fromEnv.Trim();
    }

    /// <summary>Whether <paramref name="value"/> names a PostgreSQL database.</summary>
    public static bool IsPostgres(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || value.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase));
}
