using DeliverabilityBot.Conversation.State;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Channels;

/// <summary>Services both chat channels share: the work queue, its worker, the delivery keys, the outbound retry handler.</summary>
internal static class ChannelServiceCollectionExtensions
{
    /// <summary>Adds the shared services once, however many channels are on.</summary>
    public static IServiceCollection AddChannelCommon(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new ChannelWorkQueue());
        // Slack retries for minutes (up to 3 times), Teams re-sends after 15 seconds: an hour covers both with room to spare.
        services.TryAddSingleton<IDeliveryKeys>(provider => new RecentKeys(provider.GetRequiredService<TimeProvider>(), DeliveryKeyLifetime));
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

    /// <summary>How long a delivery key is remembered.</summary>
    public static readonly TimeSpan DeliveryKeyLifetime = TimeSpan.FromHours(1);

    private sealed class ChannelCommonMarker;
}
