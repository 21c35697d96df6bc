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
    public async Task<string?> SendAsync(string serviceUrl, string conversationId, string? replyToId, OutboundActivity activity, CancellationToken cancellationToken) =>
        (await CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, BuildUrl(serviceUrl, conversationId, replyToId), activity, activity.Type, cancellationToken))?.Id;

    /// <summary>Replaces an activity the bot sent (<c>PUT .../activities/{activityId}</c>).</summary>
    public Task UpdateAsync(string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, BuildUrl(serviceUrl, conversationId, activityId), activity, "update", cancellationToken);

    /// <summary>
    /// Starts a conversation (<c>POST {serviceUrl}/v3/conversations</c>): in a Teams channel, a new thread whose first
    /// message is <paramref name="activity"/>. Returns the thread's conversation id and the message's activity id.
    /// </summary>
    public async Task<(string ConversationId, string? ActivityId)> CreateConversationAsync(
        string serviceUrl, string channelId, string? tenantId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters(true, new ConversationChannelData(new ChannelRef(channelId), tenantId is null ? null : new ChannelRef(tenantId)), activity, tenantId);
        var url = new Uri($"{serviceUrl.TrimEnd('/')}/v3/conversations", UriKind.Absolute);
        var created = await CallAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, url, parameters, "createConversation", cancellationToken);
        return created?.Id is { } id ? (id, created.ActivityId) : throw new BotConnectorException("createConversation: no conversation id in the response");
    }

    private async Task<T?> CallAsync<T>(HttpMethod method, string serviceUrl, Uri url, object body, string? what, CancellationToken cancellationToken)
        where T : class
    {
        if (serviceUrls.Refusal(serviceUrl) is { } refusal)
        {
            throw new BotConnectorException("not sending: " + refusal);
        }

        using var request = new HttpRequestMessage(method, url)
        {
            Content = JsonContent.Create(body, body.GetType(), options: TeamsJson.Options),
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
            var error = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogError(
                "Bot Connector {Type} to {Host} failed with {Status} (operation {Operation}): {Error}",
                what, url.Host, (int)response.StatusCode, operation, error.Length > 500 ? error[..500] : error);
            throw new BotConnectorException($"Bot Connector answered {(int)response.StatusCode}", response.StatusCode);
        }

        return await TryReadAsync<T>(response, cancellationToken);
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

    private static async Task<T?> TryReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(TeamsJson.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record ResourceResponse(string? Id);

    private sealed record ConversationResourceResponse(string? Id, string? ActivityId);

    private sealed record ChannelRef(string Id);

    private sealed record ConversationChannelData(ChannelRef Channel, ChannelRef? Tenant);

    private sealed record ConversationParameters(bool IsGroup, ConversationChannelData ChannelData, OutboundActivity Activity, string? TenantId);
}
