using DeliverabilityBot.Application.Ingest;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Live;

/// <summary>Live evidence on the server: the log watcher.</summary>
public static class LiveIngestServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LiveIngestOptions"/> from the <c>Live</c> section and runs the log watcher (off when no log is
    /// configured); registers <see cref="IngestNotifications"/> (the alert service's wake-up) as an observer of its commits.
    /// </summary>
    public static IServiceCollection AddLiveIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IngestNotifications>();
        services.AddSingleton<IIngestBatchObserver>(sp => sp.GetRequiredService<IngestNotifications>());
        services.Configure<LiveIngestOptions>(configuration.GetSection(LiveIngestOptions.Section));
        services.AddHostedService<LogWatcherService>();
        return services;
    }
}
