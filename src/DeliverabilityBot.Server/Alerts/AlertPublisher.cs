using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Store.Incidents;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>
/// Turns the detector's changes into channel messages without flooding: one headline per incident and target, edited
/// at most once per <see cref="AlertPostingOptions.EditInterval"/> and only when its text changed; a thread reply only
/// when the rate moved materially; one "resolved" reply. What was posted is stored with the incident, so a restart
/// edits the same message. A failing channel is logged and skipped; the next evaluation tries again.
/// </summary>
public sealed class AlertPublisher(
    IEnumerable<IAlertChannel> channels,
    AlertRouting routing,
    IIncidentStore incidents,
    IOptions<AlertPostingOptions> options,
    TimeProvider clock,
    ILogger<AlertPublisher> logger)
{
    private readonly Dictionary<string, IAlertChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Publishes each change to every target of its incident.</summary>
    public async Task PublishAsync(IReadOnlyList<IncidentChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            foreach (var (name, target) in routing.Targets(change.Incident))
            {
                if (!_channels.TryGetValue(name, out var channel)) continue;
                try
                {
                    await PublishAsync(channel, target, change.Incident, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Posting incident {Id} ({Key}) to {Channel} {Target} failed; retried at the next evaluation", change.Incident.Id, change.Incident.Key, name, target);
                }
            }
        }
    }

    /// <summary>Refreshes the headline of an incident at once (after an acknowledge or mute from the channel).</summary>
    public async Task RefreshAsync(Incident incident, CancellationToken cancellationToken)
    {
        foreach (var post in incidents.Posts(incident.Id))
        {
            if (!_channels.TryGetValue(post.Channel, out var channel)) continue;
            await channel.EditAsync(post, incident, cancellationToken);
            incidents.SavePost(post with { LastHeadline = IncidentText.Headline(incident), LastEditAt = clock.GetUtcNow() });
        }
    }

    private async Task PublishAsync(IAlertChannel channel, string target, Incident incident, CancellationToken cancellationToken)
    {
        var post = incidents.Posts(incident.Id).FirstOrDefault(p => p.Channel == channel.Name && p.Target == target);
        var now = clock.GetUtcNow();
        var headline = IncidentText.Headline(incident);
        if (post is null)
        {
            // Never posted (new, or held by severity, quiet hours or mute until now): a resolved one is not worth a page.
            if (incident.State == IncidentState.Resolved || routing.Held(incident) is { } why)
            {
                if (incident.State == IncidentState.Open) logger.LogInformation("Incident {Key} not posted: {Why}", incident.Key, routing.Held(incident));
                return;
            }
            post = await channel.PostAsync(target, incident, cancellationToken);
            incidents.SavePost(post with { LastHeadline = headline, LastEditAt = now, LastReportedRate = incident.Current.SignalRate });
            return;
        }
        if (incident.State == IncidentState.Resolved)
        {
            if (post.ResolvedPosted) return;
            await channel.EditAsync(post, incident, cancellationToken);
            await channel.ReplyAsync(post, IncidentText.Resolved(incident), cancellationToken);
            incidents.SavePost(post with { LastHeadline = headline, LastEditAt = now, ResolvedPosted = true, Replies = post.Replies + 1 });
            return;
        }
        var muted = routing.Held(incident) is not null;
        var previous = post.LastReportedRate;
        if (!muted && incident.Acknowledged is null && previous > 0
            && Math.Abs(incident.Current.SignalRate - previous) >= options.Value.ReplyOnChange * previous)
        {
            await channel.ReplyAsync(post, IncidentText.Update(incident, previous), cancellationToken);
            post = post with { LastReportedRate = incident.Current.SignalRate, Replies = post.Replies + 1 };
            incidents.SavePost(post);
        }
        if (headline != post.LastHeadline && (post.LastEditAt is not { } last || now - last >= options.Value.EditInterval))
        {
            await channel.EditAsync(post, incident, cancellationToken);
            incidents.SavePost(post with { LastHeadline = headline, LastEditAt = now });
        }
    }
}
