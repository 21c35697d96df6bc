using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// The three Slack HTTP endpoints. Each verifies the signature on the raw body before reading it, and
/// acknowledges at once; answers are produced on the background queue.
/// </summary>
public static class SlackEndpoints
{
    /// <summary><c>POST /api/slack/events</c>: url_verification, app_mention, message.im.</summary>
    public static async Task<IResult> EventsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackEventHandler handler, ILoggerFactory loggers)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier, loggers);
        if (refusal is not null)
        {
            return refusal;
        }

        JsonElement envelope;
        try
        {
            envelope = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "body is not JSON" });
        }

        switch (envelope.Str("type"))
        {
            case "url_verification":
                return Results.Text(envelope.Str("challenge") ?? string.Empty, "text/plain");
            case "event_callback":
                var headers = context.Request.Headers;
                var outcome = handler.Handle(envelope, headers["X-Slack-Retry-Num"].FirstOrDefault(), headers["X-Slack-Retry-Reason"].FirstOrDefault());
                return outcome == SlackDispatcher.Outcome.Busy ? Busy(context) : Results.Ok();
            default:
                return Results.Ok();
        }
    }

    /// <summary><c>POST /api/slack/commands</c>: the slash command (and Slack's unsigned ssl_check probe).</summary>
    public static async Task<IResult> CommandsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackCommandHandler handler, ILoggerFactory loggers)
    {
        var raw = await RequestBodies.ReadAsync(context.Request, context.RequestAborted);
        if (raw is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var fields = Form(raw);
        if (fields.GetValueOrDefault("ssl_check") == "1")
        {
            // Unsigned by design; answer 200 and use nothing else from the body.
            return Results.Ok();
        }

        var refusal = Verify(context, verifier, raw, loggers);
        return refusal ?? Results.Json(handler.Handle(fields));
    }

    /// <summary><c>POST /api/slack/interactions</c>: button clicks (form field <c>payload</c> holds JSON).</summary>
    public static async Task<IResult> InteractionsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackInteractionHandler handler, ILoggerFactory loggers)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier, loggers);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            var payload = JsonDocument.Parse(Form(body).GetValueOrDefault("payload") ?? string.Empty).RootElement.Clone();
            return handler.Handle(payload) == SlackDispatcher.Outcome.Busy ? Busy(context) : Results.Ok();
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "payload is not JSON" });
        }
    }

    private static async Task<(byte[] Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext context, SlackSignatureVerifier verifier, ILoggerFactory loggers)
    {
        var raw = await RequestBodies.ReadAsync(context.Request, context.RequestAborted);
        if (raw is null)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        return (raw, Verify(context, verifier, raw, loggers));
    }

    private static IResult? Verify(HttpContext context, SlackSignatureVerifier verifier, byte[] raw, ILoggerFactory loggers)
    {
        var headers = context.Request.Headers;
        var result = verifier.Verify(headers["X-Slack-Request-Timestamp"].FirstOrDefault(), headers["X-Slack-Signature"].FirstOrDefault(), raw);
        if (result == SlackSignatureResult.Valid)
        {
            return null;
        }

        loggers.CreateLogger(typeof(SlackEndpoints)).LogWarning(
            "Refused Slack request to {Path} from {Remote}: signature {Result}", context.Request.Path, context.Connection.RemoteIpAddress, result);
        return Results.Unauthorized();
    }

    private static IResult Busy(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static Dictionary<string, string> Form(byte[] raw) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(raw)).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
}
