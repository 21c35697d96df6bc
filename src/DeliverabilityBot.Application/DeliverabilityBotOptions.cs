namespace DeliverabilityBot.Application;

/// <summary>Settings shared by the CLI and the server (bind from <c>--data</c>/<c>--rules</c> or configuration section <c>DeliverabilityBot</c>).</summary>
public sealed class DeliverabilityBotOptions
{
    /// <summary>The data folder; null: <c>DBOT_DATA</c>, else the per-user default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The history database: a PostgreSQL connection string (<c>--store</c>, <c>ConnectionStrings:History</c>); null:
    /// <c>DBOT_STORE</c>, else the embedded SQLite file in the data folder.</summary>
    public string? StoreConnectionString { get; set; }

    /// <summary>The rules folder; null: <c>DBOT_RULES</c>, else the rule set embedded in the build.</summary>
    public string? RulesDirectory { get; set; }

    /// <summary>Days of history kept (0 keeps everything).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Postfix configuration folders (<c>--mta-config</c>): our sending IPs by syslog name and transport, since Postfix does not log them.</summary>
    public List<string> MtaConfigDirectories { get; set; } = [];

    /// <summary>
    /// The deployment config (<c>dbot.config</c>): its <c>rule.ID.severity</c> lines change or turn off rules for every
    /// classification and diagnosis, its <c>sending.*</c> lines map syslog names, transports, sender domains and IPs
    /// to IPs and streams; null: none (hosts resolve it with <see cref="Configuration.DeploymentConfigFile.ResolvePath"/>).
    /// </summary>
    public string? DeploymentConfigFile { get; set; }

    /// <summary>Whether loading runs every rule's examples; null: for a folder on disk, not for the embedded set (its examples ran before it shipped).</summary>
    public bool? CheckRuleExamples { get; set; }

    /// <summary>Events per write transaction (see <c>StoreOptions.BatchSize</c>).</summary>
    public int BatchSize { get; set; } = 50_000;
}
