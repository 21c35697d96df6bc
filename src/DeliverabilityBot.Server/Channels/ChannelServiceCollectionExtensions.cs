using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Channels;

/// <summary>Services both chat channels share: the work queue, its worker, the outbound retry handler.</summary>
internal static class ChannelServiceCollectionExtensions
{
    /// <summary>Adds the shared services once, however many channels are on.</summary>
    public static IServiceCollection AddChannelCommon(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new ChannelWorkQueue());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChannelWorkQueueWorker>());
        services.TryAddTransient<OutboundRetryHandler>();
        services.TryAddSingleton(Chat.AnswerPrivacy.From(configuration));
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(ChannelCommonMarker)))
        {
            services.AddSingleton<ChannelCommonMarker>();
            services.AddOptions<OutboundRetryOptions>().Bind(configuration.GetSection("Channels:Retry"));
        }

        return services;
    }

    private sealed class ChannelCommonMarker;
}
