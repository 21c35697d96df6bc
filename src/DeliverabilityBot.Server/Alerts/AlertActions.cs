using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Store.Incidents;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>
/// Acknowledge and mute from the message (Slack button, Teams card): recorded on the incident at once, the headline
/// re-rendered in the background so the channel's request is answered within its deadline.
/// </summary>
public sealed class AlertActions(IIncidentStore incidents, AlertPublisher publisher, IOptions<AlertPostingOptions> options, TimeProvider clock, ILogger<AlertActions> logger)
{
    /// <summary>Applies <paramref name="action"/> (<c>ack</c> or <c>mute</c>) by <paramref name="user"/>; false for an unknown incident or action.</summary>
    public bool Apply(long incidentId, string action, string user)
    {
        if (incidents.Find(incidentId) is not { } incident) return false;
        var now = clock.GetUtcNow();
        Incident changed;
        switch (action)
        {
            case "ack":
                changed = incident with { Acknowledged = new IncidentAcknowledgement(user, now) };
                break;
            case "mute":
                changed = incident with { MutedUntil = now + options.Value.MuteFor, Acknowledged = incident.Acknowledged ?? new IncidentAcknowledgement(user, now) };
                break;
            default:
                return false;
        }
        // Only what the person changed: the detector may have saved newer figures meanwhile, so re-read them.
        var saved = incidents.Save((incidents.Find(incidentId) ?? incident) with { Acknowledged = changed.Acknowledged, MutedUntil = changed.MutedUntil });
        logger.LogInformation("Incident {Id} ({Key}): {Action} by {User}", saved.Id, saved.Key, action, user);
        Background = Task.Run(async () =>
        {
            try
            {
                await publisher.RefreshAsync(saved, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Refreshing incident {Id} after {Action} failed", saved.Id, action);
            }
        });
        return true;
    }

    /// <summary>The last headline refresh started (tests wait for it).</summary>
    public Task Background { get; private set; } = Task.CompletedTask;
}
