namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>Registers and maps the Slack channel (HTTP endpoints and/or Socket Mode).</summary>
public static class SlackChannelExtensions
{
    /// <summary>
    /// Adds the Slack channel when the <c>Slack</c> section configures it; throws
    /// <see cref="ChannelConfigurationException"/> when it is incomplete; adds nothing when absent.
    /// </summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        var options = section.Get<SlackOptions>() ?? new SlackOptions();
        if (!SlackOptionsValidator.IsConfigured(options))
        {
            return services;
        }

        SlackOptionsValidator.Validate(options);
        services.Configure<SlackOptions>(section);
        services.AddChannelCommon(configuration);
        services.AddHttpClient(SlackHttpClients.Api).AddHttpMessageHandler<OutboundRetryHandler>();
        services.AddSingleton<SlackWebApiClient>();
        services.AddSingleton<SlackTurnProcessor>();
        services.AddSingleton<SlackDispatcher>();
        services.AddSingleton<SlackAccessPolicy>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackInteractionHandler>();
        if (options.HttpMode)
        {
            services.AddSingleton<SlackSignatureVerifier>();
            services.AddSingleton<SlackHttpMarker>();
        }

        if (options.SocketMode)
        {
            services.AddHostedService<SlackSocketModeService>();
        }

        return services;
    }

    /// <summary>Maps the Slack endpoints when HTTP mode is on (otherwise they stay 404).</summary>
    public static IEndpointRouteBuilder MapSlackChannel(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SlackHttpMarker>() is not null)
        {
            endpoints.MapPost("/api/slack/events", SlackEndpoints.EventsAsync).AllowAnonymous(); // Slack signatures are the check
            endpoints.MapPost("/api/slack/commands", SlackEndpoints.CommandsAsync).AllowAnonymous();
            endpoints.MapPost("/api/slack/interactions", SlackEndpoints.InteractionsAsync).AllowAnonymous();
        }

        return endpoints;
    }

    private sealed class SlackHttpMarker;
}
