using System.Text.Json;
using DeliverabilityBot.Conversation.State;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: parse, authenticate, de-duplicate, queue, and answer 200 at once. The
/// reply goes out later through the Connector, so Teams' 15-second limit is never close.
/// </summary>
public static class TeamsMessagesEndpoint
{
    /// <summary>Handles one inbound activity.</summary>
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        TeamsRequestAuthenticator authenticator,
        TeamsActivityProcessor processor,
        IDeliveryKeys recent,
        ChannelWorkQueue queue,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TeamsMessagesEndpoint));
        var body = await RequestBodies.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, TeamsJson.Options);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new { error = $"body is not an activity: {exception.Message}" });
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.BadRequest(new { error = "activity has no type" });
        }

        var auth = await authenticator.AuthenticateAsync(context, activity, context.RequestAborted);
        if (!auth.IsAuthenticated)
        {
            logger.LogWarning("Refused Teams activity {Id} from {Remote}: {Reason}", activity.Id, context.Connection.RemoteIpAddress, auth.Failure);
            return Results.Unauthorized();
        }

        if (activity.Type is not ("message" or "conversationUpdate"))
        {
            return Results.Ok();
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return Results.BadRequest(new { error = "activity has no serviceUrl or conversation.id" });
        }

        var key = activity.Id is null ? null : $"teams|{activity.ServiceUrl}|{activity.Conversation.Id}|{activity.Id}";
        if (key is not null && !recent.TryAdd(key))
        {
            logger.LogInformation("Teams re-sent activity {Id}; already answered", activity.Id);
            return Results.Ok();
        }

        if (!queue.TryEnqueue($"Teams {activity.Type} {activity.Id}", token => processor.ProcessAsync(activity, token)))
        {
            if (key is not null)
            {
                recent.Forget(key);
            }

            context.Response.Headers.RetryAfter = "5";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }
}
