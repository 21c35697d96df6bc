using DeliverabilityBot.Application;
using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Server.RuleReload;

/// <summary>Hot reload of the classification rules: the active set, the folder watcher, and <c>/healthz/rules</c>.</summary>
public static class RuleReloadServiceCollectionExtensions
{
    /// <summary>
    /// Registers the active rule set (the runtime's when one is registered) and, when a rules folder is configured
    /// (<c>--rules DIR</c>, configuration key <c>rules</c>, else <c>DBOT_RULES</c>), a watcher that reloads it on edits.
    /// Maps <c>/healthz/rules</c> through a startup filter, so Program.cs needs this one call.
    /// </summary>
    public static IServiceCollection AddRuleReload(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration["rules"] is { Length: > 0 } r ? r : Environment.GetEnvironmentVariable(RuleSources.EnvironmentVariable);
        services.AddSingleton(new RulesFolder(string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder)));
        services.AddSingleton(sp => sp.GetService<DeliverabilityBotRuntime>()?.ActiveRules
            ?? new HotRuleSet(RuleSetLoader.Load(sp.GetRequiredService<RulesFolder>().Path)));
        services.AddHostedService<RulesWatcherService>();
        services.AddTransient<IStartupFilter, RuleHealthStartupFilter>();
        return services;
    }
}

/// <summary>The watched rules folder (full path), or null when the embedded rule set serves.</summary>
/// <param name="Path">The folder.</param>
public sealed record RulesFolder(string? Path);
