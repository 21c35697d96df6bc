namespace DeliverabilityBot.Server.Alerts;

/// <summary>
/// Where and when incidents are posted (configuration section <c>Alerts</c>). Posting is on when a Slack channel or a
/// Teams channel is named; the detector's own settings (<c>Alerts:Window</c>, <c>Alerts:MinMessages</c>, ...) bind to
/// <see cref="Application.Alerts.AlertOptions"/> from the same section.
/// </summary>
public sealed class AlertPostingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Alerts";

    /// <summary>The Slack channel id incidents go to (the bot must be a member; scope <c>chat:write</c>).</summary>
    public string? SlackChannel { get; set; }

    /// <summary>The Teams channel's conversation id (<c>19:...@thread.tacv2</c>) a new incident starts a thread in.</summary>
    public string? TeamsChannel { get; set; }

    /// <summary>The Bot Framework serviceUrl for proactive Teams messages (must pass <c>Teams:ServiceUrlHosts</c>).</summary>
    public string TeamsServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>Per receiver (<c>Alerts:Routes:icloud:SlackChannel</c>): another Slack channel or Teams channel for that receiver's incidents.</summary>
    public Dictionary<string, AlertRoute> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The least severity posted (<c>info</c>, <c>warning</c>, <c>error</c>); quieter incidents are only stored.</summary>
    public string MinSeverity { get; set; } = "warning";

    /// <summary>Quiet hours (UTC) as <c>22:00-07:00</c>: only incidents of <see cref="QuietHoursSeverity"/> are posted then; the rest are posted when they end, if still open.</summary>
    public string? QuietHours { get; set; }

    /// <summary>The severity that still posts during quiet hours.</summary>
    public string QuietHoursSeverity { get; set; } = "error";

    /// <summary>The least time between two edits of one incident's headline, so an episode never floods the channel.</summary>
    public TimeSpan EditInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A thread reply is posted when the signal rate moved by this share of the last reported rate (0.5: +-50%).</summary>
    public double ReplyOnChange { get; set; } = 0.5;

    /// <summary>How long the "Mute" button mutes an incident.</summary>
    public TimeSpan MuteFor { get; set; } = TimeSpan.FromHours(4);

    /// <summary>True when a channel is named.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SlackChannel) || !string.IsNullOrWhiteSpace(TeamsChannel)
                                || Routes.Values.Any(r => !string.IsNullOrWhiteSpace(r.SlackChannel) || !string.IsNullOrWhiteSpace(r.TeamsChannel));
}

/// <summary>Channels for one receiver's incidents, replacing the default ones.</summary>
public sealed class AlertRoute
{
    /// <summary>Slack channel id.</summary>
    public string? SlackChannel { get; set; }

    /// <summary>Teams channel conversation id.</summary>
    public string? TeamsChannel { get; set; }

    /// <summary>The least severity posted for this receiver; null: the default.</summary>
    public string? MinSeverity { get; set; }
}
