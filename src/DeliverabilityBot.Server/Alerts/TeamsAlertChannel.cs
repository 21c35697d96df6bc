using System.Text.Json.Nodes;
using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Server.Channels;
using DeliverabilityBot.Server.Channels.Teams;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>
/// Incidents in a Teams channel, as proactive messages through the Bot Connector: a new conversation (thread) in the
/// channel whose first message is the headline card (Acknowledge and Mute as <c>Action.Submit</c>), the card updated in
/// place (<c>PUT</c>), replies in that thread. The configured serviceUrl must pass the serviceUrl allow-list; it comes
/// from the operator, not from a request, so it is trusted for the bot's token.
/// </summary>
public sealed class TeamsAlertChannel : IAlertChannel
{
    /// <summary>The <c>Action.Submit</c> data key holding the incident id.</summary>
    public const string IncidentKey = "dbotIncident";

    /// <summary>The <c>Action.Submit</c> data key holding <c>ack</c> or <c>mute</c>.</summary>
    public const string ActionKey = "dbotAction";

    private readonly BotConnectorClient _connector;
    private readonly string _serviceUrl;
    private readonly string? _tenantId;

    /// <summary>Creates the channel.</summary>
    /// <exception cref="ChannelConfigurationException">The serviceUrl is refused by the allow-list.</exception>
    public TeamsAlertChannel(BotConnectorClient connector, ServiceUrlPolicy policy, TrustedServiceUrls trusted,
        IOptions<AlertPostingOptions> alerts, IOptions<TeamsOptions> teams)
    {
        _connector = connector;
        _serviceUrl = alerts.Value.TeamsServiceUrl;
        _tenantId = teams.Value.TenantId;
        if (policy.Refusal(_serviceUrl) is { } refusal) throw new ChannelConfigurationException($"Alerts:TeamsServiceUrl: {refusal}");
        trusted.Add(_serviceUrl);
    }

    /// <inheritdoc />
    public string Name => "teams";

    /// <inheritdoc />
    public async Task<IncidentPost> PostAsync(string target, Incident incident, CancellationToken cancellationToken)
    {
        var (conversation, activityId) = await _connector.CreateConversationAsync(_serviceUrl, target, _tenantId, Card(incident), cancellationToken);
        return new IncidentPost { IncidentId = incident.Id, Channel = Name, Target = target, MessageId = activityId, ThreadId = conversation };
    }

    /// <inheritdoc />
    public Task EditAsync(IncidentPost post, Incident incident, CancellationToken cancellationToken) =>
        post.MessageId is null ? Task.CompletedTask : _connector.UpdateAsync(_serviceUrl, post.ThreadId!, post.MessageId, Card(incident), cancellationToken);

    /// <inheritdoc />
    public Task ReplyAsync(IncidentPost post, string text, CancellationToken cancellationToken) =>
        _connector.SendAsync(_serviceUrl, post.ThreadId!, post.MessageId, new OutboundActivity { Type = "message", Text = Conversation.Rendering.TeamsText.Escape(text), TextFormat = "markdown" }, cancellationToken);

    /// <summary>The headline as an Adaptive Card 1.5 message.</summary>
    public static OutboundActivity Card(Incident incident)
    {
        var headline = IncidentText.Headline(incident);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = headline, ["wrap"] = true, ["weight"] = "Bolder" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\n\n", IncidentText.Details(incident)), ["wrap"] = true },
        };
        if (incident.Acknowledged is { } ack) body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Acknowledged by " + ack.By, ["wrap"] = true });
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = body };
        if (incident.State == IncidentState.Open)
            card["actions"] = new JsonArray { Submit("Acknowledge", "ack", incident.Id), Submit("Mute 4h", "mute", incident.Id) };
        return new OutboundActivity
        {
            Type = "message",
            Text = Conversation.Rendering.TeamsText.Escape(headline),
            TextFormat = "markdown",
            Attachments = [new OutboundAttachment("application/vnd.microsoft.card.adaptive", card)],
        };
    }

    private static JsonObject Submit(string title, string action, long incidentId) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { [IncidentKey] = incidentId, [ActionKey] = action },
    };
}
