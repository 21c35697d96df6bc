namespace DeliverabilityBot.Application;

/// <summary>Settings shared by the CLI and the server (bind from <c>--data</c>/<c>--rules</c> or configuration section <c>DeliverabilityBot</c>).</summary>
public sealed class DeliverabilityBotOptions
{
    /// <summary>The data folder; null: <c>DBOT_DATA</c>, else the per-user default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The rules folder; null: <c>DBOT_RULES</c>, else the rule set embedded in the build.</summary>
    public string? RulesDirectory { get; set; }

    /// <summary>Days of history kept (0 keeps everything).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Events per write transaction (see <c>StoreOptions.BatchSize</c>).</summary>
    public int BatchSize { get; set; } = 50_000;
}
