using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Client-credentials token for the Bot Connector, from the configured tenant's authority (single
/// tenant by default), cached until five minutes before it expires. One request at a time refreshes it.
/// </summary>
public sealed class BotConnectorTokenProvider(
    IOptions<TeamsOptions> options,
    IHttpClientFactory clients,
    TimeProvider time,
    ILogger<BotConnectorTokenProvider> logger)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset refreshAfter;

    /// <summary>A valid access token for the Connector.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (token is { } cached && time.GetUtcNow() < refreshAfter)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (token is { } fresh && time.GetUtcNow() < refreshAfter)
            {
                return fresh;
            }

            (token, refreshAfter) = await RequestAsync(cancellationToken);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(string Token, DateTimeOffset RefreshAfter)> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = $"{settings.TokenEndpointBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(settings.Authority)}/oauth2/v2.0/token";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId!,
            ["client_secret"] = settings.AppPassword!,
            ["scope"] = settings.Scope,
        });
        using var response = await clients.CreateClient(TeamsHttpClients.Login).PostAsync(endpoint, form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // AADSTS codes name the cause (700016: app not in that tenant); the body holds no secret.
            var error = TryRead(body, "error_description") ?? TryRead(body, "error") ?? "no error description";
            logger.LogError("Bot Connector token request to tenant {Tenant} failed with {Status}: {Error}", settings.Authority, (int)response.StatusCode, error.Split('\n')[0]);
            throw new BotConnectorException($"token request failed with {(int)response.StatusCode}", response.StatusCode);
        }

        var accessToken = TryRead(body, "access_token") ?? throw new BotConnectorException("token response has no access_token");
        var lifetime = TimeSpan.FromSeconds(TryReadNumber(body, "expires_in") ?? 3600);
        var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
        return (accessToken, time.GetUtcNow() + lifetime - margin);
    }

    private static string? TryRead(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double? TryReadNumber(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), out var seconds) => seconds,
            _ => null,
        };
    }
}
