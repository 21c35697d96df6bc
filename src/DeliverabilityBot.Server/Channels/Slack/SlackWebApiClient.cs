using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeliverabilityBot.Conversation.Rendering;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// The Slack Web API calls the bot makes. Every response is checked on its <c>ok</c> field, not only the
/// HTTP status; throttling (429 + Retry-After) is retried by the client's handler.
/// </summary>
public sealed class SlackWebApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options, ILogger<SlackWebApiClient> logger)
{
    /// <summary>Posts a message, in a thread when <paramref name="threadTs"/> is set; returns its ts.</summary>
    public async Task<string?> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        var response = await CallAsync("chat.postMessage", body, options.Value.BotToken!, cancellationToken);
        return response.TryGetProperty("ts", out var ts) ? ts.GetString() : null;
    }

    /// <summary>Replaces a message the bot posted (chat.update).</summary>
    public Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken) =>
        CallAsync("chat.update", new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = ts,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
        }, options.Value.BotToken!, cancellationToken);

    /// <summary>Posts to a slash command's or interaction's response_url (only Slack's hosts).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, SlackMessage message, string responseType, CancellationToken cancellationToken)
    {
        if (!IsSlackResponseUrl(responseUrl))
        {
            throw new SlackApiException("response_url", "response_url is not a Slack hooks URL; not posting there");
        }

        var body = new JsonObject
        {
            ["response_type"] = responseType,
            ["replace_original"] = false,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = Json(body) };
        using var response = await clients.CreateClient(SlackHttpClients.Api).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"HTTP {(int)response.StatusCode}");
        }
    }

    /// <summary>Asks for a Socket Mode WebSocket URL (apps.connections.open, app-level token in the header).</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("apps.connections.open", new JsonObject(), options.Value.AppToken!, cancellationToken);
        return response.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException("apps.connections.open", "no url in the response");
    }

    /// <summary>True for https://hooks.slack.com/... or a URL on the configured API host (a test fake or proxy).</summary>
    public bool IsSlackResponseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && ((uri.Scheme == Uri.UriSchemeHttps && uri.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase))
            || (uri.Scheme == options.Value.ApiBase.Scheme && uri.Authority.Equals(options.Value.ApiBase.Authority, StringComparison.OrdinalIgnoreCase)));

    private async Task<JsonElement> CallAsync(string method, JsonObject body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBase, method)) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await clients.CreateClient(SlackHttpClients.Api).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, $"HTTP {(int)response.StatusCode} without a JSON body");
        }

        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var error = root.TryGetProperty("error", out var code) ? code.GetString() ?? "unknown" : $"HTTP {(int)response.StatusCode}";
            logger.LogError("Slack {Method} failed: {Error}", method, error);
            throw new SlackApiException(method, error);
        }

        if (root.TryGetProperty("warning", out var warning))
        {
            logger.LogWarning("Slack {Method} warned: {Warning}", method, warning.GetString());
        }

        return root;
    }

    private static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
