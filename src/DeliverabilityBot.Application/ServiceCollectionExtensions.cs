using DeliverabilityBot.Application.Queries;
using DeliverabilityBot.Core.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Application;

/// <summary>Registers the engine, store and queries for hosts (the server, tests).</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DeliverabilityBotRuntime"/> and <see cref="IDeliverabilityQueries"/> as singletons.</summary>
    public static IServiceCollection AddDeliverabilityBot(this IServiceCollection services, DeliverabilityBotOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new DeliverabilityBotRuntime(sp.GetRequiredService<DeliverabilityBotOptions>()));
        services.AddSingleton<IDeliverabilityQueries>(sp => new DeliverabilityQueries(sp.GetRequiredService<DeliverabilityBotRuntime>()));
        return services;
    }
}
