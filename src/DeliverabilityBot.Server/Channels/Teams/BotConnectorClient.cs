using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Sends activities to the Bot Connector: <c>POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]</c>
/// with escaped path segments. The bot token goes only to serviceUrls from validated activities.
/// </summary>
public sealed class BotConnectorClient(
    IHttpClientFactory clients,
    IOptions<TeamsOptions> options,
    BotConnectorTokenProvider tokens,
    TrustedServiceUrls trustedServiceUrls,
    ServiceUrlPolicy serviceUrls,
    ILogger<BotConnectorClient> logger)
{
    /// <summary>Posts an activity; returns the id the Connector assigned, when it says.</summary>
    public async Task<string?> SendAsync(string serviceUrl, string conversationId, string? replyToId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        if (serviceUrls.Refusal(serviceUrl) is { } refusal)
        {
            throw new BotConnectorException("not sending: " + refusal);
        }

        var url = BuildUrl(serviceUrl, conversationId, replyToId);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(activity, options: TeamsJson.Options),
        };
        await request.Content.LoadIntoBufferAsync(cancellationToken);
        if (options.Value.IsAuthenticated)
        {
            if (!trustedServiceUrls.Contains(serviceUrl))
            {
                throw new BotConnectorException($"refusing to send the bot token to {url.Host}: serviceUrl did not come from a validated activity");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }

        using var response = await clients.CreateClient(TeamsHttpClients.Connector).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogError(
                "Bot Connector {Type} to {Host} failed with {Status} (operation {Operation}): {Error}",
                activity.Type, url.Host, (int)response.StatusCode, operation, body.Length > 500 ? body[..500] : body);
            throw new BotConnectorException($"Bot Connector answered {(int)response.StatusCode}", response.StatusCode);
        }

        var resource = await TryReadResourceAsync(response, cancellationToken);
        return resource?.Id;
    }

    /// <summary>The reply URL; ids are escaped because Teams ids contain <c>:</c>, <c>;</c> and <c>@</c>.</summary>
    public static Uri BuildUrl(string serviceUrl, string conversationId, string? replyToId)
    {
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(path, UriKind.Absolute);
    }

    private static async Task<ResourceResponse?> TryReadResourceAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(TeamsJson.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record ResourceResponse(string? Id);
}
