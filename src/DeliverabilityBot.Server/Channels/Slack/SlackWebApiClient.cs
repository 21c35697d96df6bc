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

    /// <summary>
    /// Shares a file in a channel (in a thread when <paramref name="threadTs"/> is set) the current way: files.getUploadURLExternal
    /// (name, length, alt text), the bytes POSTed to the upload URL it returns, then files.completeUploadExternal with the
    /// channel and thread (never the retired files.upload). Needs the <c>files:write</c> scope. Returns the file id.
    /// </summary>
    public async Task<string> UploadFileAsync(string channel, string? threadTs, string fileName, string title, string altText, byte[] content,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) throw new ArgumentException("An uploaded file cannot be empty (Slack answers missing_argument).", nameof(content));
        var token = options.Value.BotToken!;
        var ticket = await CallFormAsync("files.getUploadURLExternal", new Dictionary<string, string>
        {
            ["filename"] = fileName,
            ["length"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["alt_txt"] = altText.Length <= MaxAltText ? altText : altText[..(MaxAltText - 1)] + "…",
        }, token, cancellationToken);
        var uploadUrl = ticket.TryGetProperty("upload_url", out var u) ? u.GetString() : null;
        var fileId = ticket.TryGetProperty("file_id", out var f) ? f.GetString() : null;
        if (uploadUrl is null || fileId is null) throw new SlackApiException("files.getUploadURLExternal", "no upload_url or file_id in the response");
        if (!IsSlackUploadUrl(uploadUrl)) throw new SlackApiException("files.getUploadURLExternal", "upload_url is not on Slack's file host; not sending the file there");

        using (var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl))
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "application/octet-stream");
            form.Add(file, "file", fileName);
            request.Content = form;
            using var response = await clients.CreateClient(SlackHttpClients.Api).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new SlackApiException("file upload", $"HTTP {(int)response.StatusCode} from the upload URL");
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }),
            ["channel_id"] = channel,
        };
        if (threadTs is not null) complete["thread_ts"] = threadTs;
        await CallAsync("files.completeUploadExternal", complete, token, cancellationToken);
        return fileId;
    }

    /// <summary>Slack's limit on an uploaded image's alt text (<c>alt_txt_too_large</c> beyond it).</summary>
    public const int MaxAltText = 1000;

    /// <summary>True for an https URL on files.slack.com, or a URL on the configured API host (a test fake or proxy).</summary>
    public bool IsSlackUploadUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && ((uri.Scheme == Uri.UriSchemeHttps && uri.Host.Equals("files.slack.com", StringComparison.OrdinalIgnoreCase))
            || (uri.Scheme == options.Value.ApiBase.Scheme && uri.Authority.Equals(options.Value.ApiBase.Authority, StringComparison.OrdinalIgnoreCase)));

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

    private Task<JsonElement> CallAsync(string method, JsonObject body, string token, CancellationToken cancellationToken) =>
        SendAsync(method, Json(body), token, cancellationToken);

    // files.getUploadURLExternal is documented with form parameters (JSON only on newer pages): form is what every version takes.
    private Task<JsonElement> CallFormAsync(string method, Dictionary<string, string> fields, string token, CancellationToken cancellationToken) =>
        SendAsync(method, new FormUrlEncodedContent(fields), token, cancellationToken);

    private async Task<JsonElement> SendAsync(string method, HttpContent content, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBase, method)) { Content = content };
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
