using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>Registers and maps the Teams (Bot Framework) channel.</summary>
public static class TeamsChannelExtensions
{
    /// <summary>
    /// Adds the Teams channel when the <c>Teams</c> section configures it; throws
    /// <see cref="ChannelConfigurationException"/> when it is incomplete; adds nothing when absent.
    /// </summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.Section);
        var options = section.Get<TeamsOptions>() ?? new TeamsOptions();
        if (!TeamsOptionsValidator.IsConfigured(options))
        {
            return services;
        }

        TeamsOptionsValidator.Validate(options);
        services.Configure<TeamsOptions>(section);
        services.AddChannelCommon(configuration);
        services.AddSingleton<TeamsChannelMarker>();
        services.AddHttpClient(TeamsHttpClients.Connector).AddHttpMessageHandler<OutboundRetryHandler>();
        services.AddHttpClient(TeamsHttpClients.Login).AddHttpMessageHandler<OutboundRetryHandler>();
        services.AddHttpClient(TeamsHttpClients.OpenId);

        // Blocking refresh makes "RequestRefresh, then GetConfigurationAsync" return the new keys at
        // once (the default refreshes in the background and would fail the first token after a rollover).
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);
        services.AddSingleton<IConfigurationManager<BotFrameworkSigningKeys>>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<TeamsOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TeamsHttpClients.OpenId);
            var metadata = new Uri(settings.OpenIdMetadataUrl);
            var retriever = new HttpDocumentRetriever(http) { RequireHttps = !metadata.IsLoopback };
            return new ConfigurationManager<BotFrameworkSigningKeys>(settings.OpenIdMetadataUrl, new BotFrameworkKeyRetriever(), retriever)
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(12),
                RefreshInterval = TimeSpan.FromMinutes(5),
            };
        });
        services.AddSingleton<BotFrameworkTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<TeamsAccessPolicy>();
        services.AddSingleton<TeamsRequestAuthenticator>();
        services.AddSingleton<BotConnectorTokenProvider>();
        services.AddSingleton<BotConnectorClient>();
        services.AddSingleton<TeamsActivityProcessor>();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> when the channel is on (otherwise the path stays 404).</summary>
    public static IEndpointRouteBuilder MapTeamsChannel(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<TeamsChannelMarker>() is not null)
        {
            endpoints.MapPost("/api/messages", TeamsMessagesEndpoint.HandleAsync).AllowAnonymous(); // the Bot Framework JWT is the check
        }

        return endpoints;
    }

    private sealed class TeamsChannelMarker;
}
