using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Chooses between token validation (an app id is configured) and local mode (no app id, loopback
/// only), and remembers the serviceUrl of every authenticated activity so the outbound token is only
/// ever sent there.
/// </summary>
public sealed class TeamsRequestAuthenticator(
    IOptions<TeamsOptions> options,
    IServiceProvider services,
    TrustedServiceUrls trustedServiceUrls,
    ServiceUrlPolicy serviceUrls)
{
    /// <summary>Authenticates the request that carried <paramref name="activity"/>.</summary>
    public async Task<TeamsAuthResult> AuthenticateAsync(HttpContext context, Activity activity, CancellationToken cancellationToken)
    {
        if (serviceUrls.Refusal(activity.ServiceUrl) is { } refusal)
        {
            return TeamsAuthResult.Refused(refusal);
        }

        if (!options.Value.IsAuthenticated)
        {
            // The connection's own address decides; a proxy or tunnel on this machine makes every caller look local,
            // and says so in forwarding headers.
            if (LoopbackRequests.ForwardingHeader(context) is { } header)
            {
                return TeamsAuthResult.Refused($"local mode refuses forwarded requests ({header} present)");
            }

            return LoopbackRequests.IsLoopback(context)
                ? TeamsAuthResult.Local
                : TeamsAuthResult.Refused("local mode accepts only loopback requests");
        }

        var validator = services.GetRequiredService<BotFrameworkTokenValidator>();
        var result = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (result.IsAuthenticated && activity.ServiceUrl is { } serviceUrl)
        {
            trustedServiceUrls.Add(serviceUrl);
        }

        return result;
    }
}
