using DeliverabilityBot.Core.Alerts;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>A chat channel incidents are posted to: one headline message per incident, edited in place, and its thread.</summary>
public interface IAlertChannel
{
    /// <summary><c>slack</c> or <c>teams</c>.</summary>
    string Name { get; }

    /// <summary>Posts the headline (with acknowledge and mute buttons); returns the post with its message and thread ids.</summary>
    Task<IncidentPost> PostAsync(string target, Incident incident, CancellationToken cancellationToken);

    /// <summary>Replaces the headline with the incident's current state.</summary>
    Task EditAsync(IncidentPost post, Incident incident, CancellationToken cancellationToken);

    /// <summary>Posts <paramref name="text"/> in the incident's thread.</summary>
    Task ReplyAsync(IncidentPost post, string text, CancellationToken cancellationToken);
}
