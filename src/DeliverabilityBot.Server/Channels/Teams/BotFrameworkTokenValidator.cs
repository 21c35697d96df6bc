using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Validates Connector-to-bot JWTs the way botbuilder's channel path does: issuer, audience = app id,
/// lifetime with 5 minutes skew, RS256/384/512 signature by a key from the metadata document (one
/// refresh on an unknown kid), the key endorsed for the activity's channel, and the
/// <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// </summary>
public sealed class BotFrameworkTokenValidator(IOptions<TeamsOptions> options, IConfigurationManager<BotFrameworkSigningKeys> keys)
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    /// <summary>Checks the bearer token for this activity.</summary>
    public async Task<TeamsAuthResult> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return TeamsAuthResult.Refused("no Authorization header");
        }

        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || !handler.CanReadToken(authorization[scheme.Length..].Trim()))
        {
            return TeamsAuthResult.Refused("Authorization is not a Bearer JWT");
        }

        var token = authorization[scheme.Length..].Trim();
        var settings = options.Value;
        var unverified = handler.ReadJsonWebToken(token);
        if (!string.Equals(unverified.Issuer, settings.Issuer, StringComparison.Ordinal))
        {
            return TeamsAuthResult.Refused("token issuer is not the Bot Framework");
        }

        if (!AllowedAlgorithms.Contains(unverified.Alg, StringComparer.Ordinal))
        {
            return TeamsAuthResult.Refused($"token algorithm '{unverified.Alg}' is not allowed");
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return TeamsAuthResult.Refused("token has no kid, so its endorsements cannot be checked");
        }

        var document = await keys.GetConfigurationAsync(cancellationToken);
        if (!document.Keys.ContainsKey(unverified.Kid))
        {
            // Key rollover: the document may be older than the key. One refresh, then give up.
            keys.RequestRefresh();
            document = await WaitForRefreshAsync(unverified.Kid, cancellationToken);
            if (!document.Keys.TryGetValue(unverified.Kid, out _))
            {
                return TeamsAuthResult.Refused($"signing key '{unverified.Kid}' is not in the key document");
            }
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.AppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKey = document.Keys[unverified.Kid],
            TryAllIssuerSigningKeys = false,
        });
        if (!result.IsValid)
        {
            return TeamsAuthResult.Refused(Describe(result.Exception));
        }

        if (string.IsNullOrEmpty(activity.ChannelId)
            || !document.Endorsements.TryGetValue(unverified.Kid, out var channels)
            || !channels.Contains(activity.ChannelId))
        {
            return TeamsAuthResult.Refused($"signing key is not endorsed for channel '{activity.ChannelId}'");
        }

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return TeamsAuthResult.Refused("token serviceurl claim does not match the activity's serviceUrl");
        }

        return TeamsAuthResult.Token;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token has expired",
        SecurityTokenNotYetValidException => "token is not yet valid",
        SecurityTokenInvalidAudienceException => "token audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "token issuer is not the Bot Framework",
        SecurityTokenInvalidAlgorithmException => "token algorithm is not allowed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "token signature is not valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        null => "token is not valid",
        _ => "token is not valid: " + exception.GetType().Name,
    };

    /// <summary>
    /// Reads the key document after a requested refresh. IdentityModel refreshes in the background unless its
    /// process-wide blocking switch was read as on, so the new document can land a moment later: look a few
    /// times, briefly. A forged kid costs at most this wait; the refresh itself stays limited by RefreshInterval.
    /// </summary>
    private async Task<BotFrameworkSigningKeys> WaitForRefreshAsync(string kid, CancellationToken cancellationToken)
    {
        var document = await keys.GetConfigurationAsync(cancellationToken);
        for (var attempt = 0; attempt < 5 && !document.Keys.ContainsKey(kid); attempt++)
        {
            await Task.Delay(40, cancellationToken);
            document = await keys.GetConfigurationAsync(cancellationToken);
        }

        return document;
    }
}
