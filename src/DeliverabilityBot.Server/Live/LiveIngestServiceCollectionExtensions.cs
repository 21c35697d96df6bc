namespace DeliverabilityBot.Server.Live;

/// <summary>Live evidence on the server: the log watcher.</summary>
public static class LiveIngestServiceCollectionExtensions
{
    /// <summary>Binds <see cref="LiveIngestOptions"/> from the <c>Live</c> section and runs the log watcher (off when no log is configured).</summary>
    public static IServiceCollection AddLiveIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveIngestOptions>(configuration.GetSection(LiveIngestOptions.Section));
        services.AddHostedService<LogWatcherService>();
        return services;
    }
}
