using DeliverabilityBot.Application.Ingest;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Live;

/// <summary>Live evidence on the server: followed logs, syslog and journald.</summary>
public static class LiveIngestServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LiveIngestOptions"/> from the <c>Live</c> section and runs the live sources (off when none is
    /// configured); registers <see cref="IngestNotifications"/> (the alert service's wake-up) as an observer of its commits.
    /// </summary>
    public static IServiceCollection AddLiveIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IngestNotifications>();
        services.AddSingleton<IIngestBatchObserver>(sp => sp.GetRequiredService<IngestNotifications>());
        services.Configure<LiveIngestOptions>(configuration.GetSection(LiveIngestOptions.Section));
        services.TryAddSingleton<LiveSourcesStatus>();
        services.AddHostedService<LogWatcherService>();
        return services;
    }
}
