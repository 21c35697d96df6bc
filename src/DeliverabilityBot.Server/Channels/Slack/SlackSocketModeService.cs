using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Socket Mode, for deployments without a public URL: opens a WebSocket from apps.connections.open,
/// acks every envelope by its id at once, hands the payload to the same handlers (and de-duplication) as
/// the HTTP endpoints, and reconnects with a fresh URL on <c>disconnect</c>, close or error.
/// </summary>
public sealed class SlackSocketModeService(
    SlackWebApiClient api,
    SlackEventHandler events,
    SlackCommandHandler commands,
    SlackInteractionHandler interactions,
    TimeProvider time,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Raised after each envelope is acknowledged (tests wait on it).</summary>
    public event Action<string>? EnvelopeAcknowledged;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await api.OpenSocketConnectionAsync(stoppingToken);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken);
                failures = 0;
                await ReceiveAsync(socket, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(failures, 10)));
                var delay = TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
                logger.LogWarning(exception, "Slack Socket Mode connection failed ({Failures} in a row); reconnecting in {Delay} ms", failures, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, stoppingToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                logger.LogInformation("Slack closed the Socket Mode connection ({Status}); reconnecting", result.CloseStatus);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > RequestBodies.MaxBytes)
            {
                throw new InvalidOperationException("Socket Mode message larger than the request limit");
            }

            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (!await HandleFrameAsync(socket, text, stoppingToken))
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", stoppingToken);
                return;
            }
        }
    }

    /// <summary>Handles one frame; false when Slack asked us to reconnect.</summary>
    private async Task<bool> HandleFrameAsync(ClientWebSocket socket, string text, CancellationToken stoppingToken)
    {
        JsonElement frame;
        try
        {
            frame = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            logger.LogWarning("Ignored a Socket Mode frame that is not JSON");
            return true;
        }

        switch (frame.Str("type"))
        {
            case "hello":
                logger.LogInformation("Slack Socket Mode connected");
                return true;
            case "disconnect":
                logger.LogInformation("Slack asked to reconnect: {Reason}", frame.Str("reason"));
                return false;
        }

        if (frame.Str("envelope_id") is not { } envelopeId)
        {
            return true;
        }

        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        var payload = frame.Obj("payload");
        switch (frame.Str("type"))
        {
            case "events_api":
                var retry = frame.TryGetProperty("retry_attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number && attempt.GetInt32() > 0
                    ? attempt.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : null;
                events.Handle(payload, retry, frame.Str("retry_reason"));
                break;
            case "slash_commands":
                var fields = payload.ValueKind == JsonValueKind.Object
                    ? payload.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                    : [];
                ack["payload"] = commands.Handle(fields);
                break;
            case "interactive":
                interactions.Handle(payload);
                break;
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, stoppingToken);
        EnvelopeAcknowledged?.Invoke(envelopeId);
        return true;
    }
}
