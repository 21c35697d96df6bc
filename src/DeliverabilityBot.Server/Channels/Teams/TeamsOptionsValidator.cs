namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>Decides whether the Teams channel is on and refuses half-done configurations with a clear message.</summary>
public static class TeamsOptionsValidator
{
    /// <summary>True when any Teams setting is present (then it must be complete).</summary>
    public static bool IsConfigured(TeamsOptions options) =>
        options.LocalMode
        || !string.IsNullOrWhiteSpace(options.AppId)
        || !string.IsNullOrWhiteSpace(options.AppPassword)
        || !string.IsNullOrWhiteSpace(options.TenantId);

    /// <summary>Throws <see cref="ChannelConfigurationException"/> naming the missing or conflicting setting.</summary>
    public static void Validate(TeamsOptions options)
    {
        var problems = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.AppId);
        if (options.LocalMode && hasId)
        {
            problems.Add("Teams:LocalMode runs without credentials; remove it or remove Teams:AppId (Teams__AppId)");
        }

        if (!options.LocalMode)
        {
            if (!hasId)
            {
                problems.Add("Teams:AppId (Teams__AppId) is missing");
            }

            if (string.IsNullOrWhiteSpace(options.AppPassword))
            {
                problems.Add("Teams:AppPassword (Teams__AppPassword) is missing");
            }

            var multiTenant = string.Equals(options.AppType, "MultiTenant", StringComparison.OrdinalIgnoreCase);
            if (!multiTenant && !string.Equals(options.AppType, "SingleTenant", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Teams:AppType is '{options.AppType}'; use SingleTenant or MultiTenant");
            }
            else if (!multiTenant && string.IsNullOrWhiteSpace(options.TenantId))
            {
                problems.Add("Teams:TenantId (Teams__TenantId) is missing; a SingleTenant bot gets its token from its own tenant (or set Teams__AppType=MultiTenant for a legacy bot)");
            }
        }

        if (!options.LocalMode && options.EffectiveTenants.Count == 0)
        {
            problems.Add("Teams:AllowedTenants (Teams__AllowedTenants__0) is missing: list the tenant ids whose users may ask, or '*' for any tenant");
        }

        RequireUrl(options.OpenIdMetadataUrl, "Teams:OpenIdMetadataUrl", problems);
        RequireUrl(options.TokenEndpointBaseUrl, "Teams:TokenEndpointBaseUrl", problems);
        if (problems.Count > 0)
        {
            throw new ChannelConfigurationException(
                "The Teams channel configuration is incomplete: " + string.Join("; ", problems)
                + ". Complete it, or remove every Teams setting to turn the channel off.");
        }
    }

    private static void RequireUrl(string value, string name, List<string> problems)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            problems.Add($"{name} '{value}' is not an https URL");
        }
    }
}
