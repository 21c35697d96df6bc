namespace DeliverabilityBot.Store;

/// <summary>Where the history lives and how long it is kept.</summary>
public sealed class StoreOptions
{
    /// <summary>The database file's name inside <see cref="DataDirectory"/>.</summary>
    public const string DatabaseFileName = "dbot.db";

    /// <summary>The data folder (created on first use). Resolve it with <see cref="DataFolder.Resolve"/>.</summary>
    public string DataDirectory { get; set; } = DataFolder.Resolve(null);

    /// <summary>The database: null for the embedded SQLite file in <see cref="DataDirectory"/>, or a PostgreSQL
    /// connection string (see <see cref="StoreConnection"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Days of history kept before the newest event (0 keeps everything). Default 90.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Events written per transaction: larger is faster (each commit rewrites the identity index pages it touched),
    /// smaller loses less on a power loss. Default 50,000.</summary>
    public int BatchSize { get; set; } = 50_000;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);
}
