using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// The background half of a Teams turn: keeps a typing indicator up while the conversation core works,
/// then replies to the activity (Adaptive Card for diagnoses). Welcomes the team when the bot is added.
/// </summary>
public sealed class TeamsActivityProcessor(
    IServiceProvider services,
    BotConnectorClient connector,
    TeamsAccessPolicy access,
    Chat.AnswerPrivacy privacy,
    ILogger<TeamsActivityProcessor> logger)
{
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    /// <summary>Handles one authenticated activity.</summary>
    public Task ProcessAsync(Activity activity, CancellationToken cancellationToken) => activity.Type switch
    {
        _ when !access.Allows(activity) => activity.Type == "message"
            ? SendAsync(activity, activity.Id, new TeamsMessage(ChannelAccess.NotEnabledHere, null), cancellationToken)
            : Task.CompletedTask,
        "message" when IncidentAction(activity) is { } action => ApplyIncidentActionAsync(activity, action, cancellationToken),
        "message" => AnswerAsync(activity, MentionText.StripBotMention(activity), activity.Id, cancellationToken),
        "conversationUpdate" when BotWasAdded(activity) => WelcomeAsync(activity, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>True when the members added include the bot itself.</summary>
    public static bool BotWasAdded(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id is not null && member.Id == activity.Recipient?.Id) == true;

    private async Task AnswerAsync(Activity activity, string text, string? replyToId, CancellationToken cancellationToken)
    {
        using var typingStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(activity, typingStop.Token, cancellationToken);
        ChatReply reply;
        try
        {
            var bot = services.GetRequiredService<IChatBot>();
            var turn = new ChatTurn(
                activity.ChannelId ?? "msteams",
                activity.Conversation!.Id!,
                null,
                activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown",
                text.Length == 0 ? "help" : text);
            reply = await bot.AnswerAsync(turn, cancellationToken);
        }
        finally
        {
            await typingStop.CancelAsync();
            await typing;
        }

        var answer = privacy.Apply(reply.Answer, TeamsAccessPolicy.IsPersonal(activity));
        // Charts go inline in the card (a data: URL of a compact PNG). Should Teams still find the message too large
        // (413, MessageSizeTooBig: older tenants count images), it is sent again without them: the text has the figures.
        var drawn = services.GetService<Charts.ChartImages>() is { } images ? images.WithPngs(answer, ChartImageSize.Compact) : answer;
        try
        {
            await SendAsync(activity, replyToId, TeamsMessageRenderer.Render(drawn), cancellationToken);
        }
        catch (BotConnectorException ex) when (ex.Status == System.Net.HttpStatusCode.RequestEntityTooLarge && !ReferenceEquals(drawn, answer))
        {
            logger.LogWarning("Teams refused the answer with its chart image as too large; sending it without the image");
            await SendAsync(activity, replyToId, TeamsMessageRenderer.Render(answer), cancellationToken);
        }
    }

    private static (long Id, string Verb)? IncidentAction(Activity activity) =>
        activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object } value
        && value.TryGetProperty(Alerts.TeamsAlertChannel.IncidentKey, out var id) && id.TryGetInt64(out var incident)
        && value.TryGetProperty(Alerts.TeamsAlertChannel.ActionKey, out var verb) && verb.GetString() is { } name
            ? (incident, name)
            : null;

    private Task ApplyIncidentActionAsync(Activity activity, (long Id, string Verb) action, CancellationToken cancellationToken)
    {
        if (services.GetService<Alerts.AlertActions>() is not { } actions || !actions.Apply(action.Id, action.Verb, activity.From?.Name ?? activity.From?.Id ?? "someone"))
        {
            logger.LogWarning("Teams incident action {Action} for incident {Id} not applied (alerts off, or no such incident)", action.Verb, action.Id);
        }

        return Task.CompletedTask;
    }

    private Task WelcomeAsync(Activity activity, CancellationToken cancellationToken) =>
        AnswerAsync(activity, "help", null, cancellationToken);

    private async Task SendAsync(Activity activity, string? replyToId, TeamsMessage message, CancellationToken cancellationToken)
    {
        var outbound = new OutboundActivity
        {
            Type = "message",
            From = activity.Recipient,
            Recipient = activity.From,
            Conversation = activity.Conversation,
            ReplyToId = replyToId,
            Text = message.Text,
            TextFormat = "markdown",
            Locale = activity.Locale,
            Attachments = message.Card is null ? null : [new OutboundAttachment("application/vnd.microsoft.card.adaptive", message.Card)],
        };
        await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, replyToId, outbound, cancellationToken);
    }

    /// <summary>
    /// Sends typing now and every 3 seconds until <paramref name="stop"/>. The first send is not cut
    /// short by <paramref name="stop"/>, so it always reaches the user before the answer.
    /// </summary>
    private async Task KeepTypingAsync(Activity activity, CancellationToken stop, CancellationToken shutdown)
    {
        var typing = new OutboundActivity
        {
            Type = "typing",
            From = activity.Recipient,
            Recipient = activity.From,
            Conversation = activity.Conversation,
            ReplyToId = activity.Id,
        };
        try
        {
            do
            {
                await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id, typing, shutdown);
                await Task.Delay(TypingInterval, stop);
            }
            while (!stop.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
            // Answer ready (or shutdown).
        }
        catch (Exception exception)
        {
            // A lost typing indicator must not lose the answer.
            logger.LogWarning(exception, "Typing indicator failed for conversation {Conversation}", activity.Conversation?.Id);
        }
    }
}
