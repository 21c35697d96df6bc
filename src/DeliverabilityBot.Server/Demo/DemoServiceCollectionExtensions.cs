namespace DeliverabilityBot.Server.Demo;

/// <summary>Registers the demo loader when <c>--demo</c> was given.</summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DemoDataLoader"/> when <paramref name="enabled"/>; nothing otherwise.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, bool enabled)
    {
        if (enabled) services.AddHostedService<DemoDataLoader>();
        return services;
    }
}
