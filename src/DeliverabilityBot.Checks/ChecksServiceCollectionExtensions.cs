using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Core.Checks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Checks;

/// <summary>Registers the DNS checks.</summary>
public static class ChecksServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDeliverabilityChecks"/>: DNS checks over DnsClient with <paramref name="configure"/>'s settings
    /// (validated now, so a bad setting stops start-up naming it), or <see cref="DisabledChecks"/> when
    /// <see cref="ChecksOptions.Enabled"/> is false.
    /// </summary>
    public static IServiceCollection AddDnsChecks(this IServiceCollection services, Action<ChecksOptions>? configure = null)
    {
        var options = new ChecksOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeliverabilityChecks>(sp => Create(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The checks for <paramref name="options"/>: DnsClient lookups, or disabled.</summary>
    public static IDeliverabilityChecks Create(ChecksOptions options, TimeProvider clock)
    {
        options.Validate();
        if (!options.Enabled) return new DisabledChecks("DNS checks are switched off (Checks:Enabled is false)");
        return new DnsChecks(new DnsClientResolver(options.NameServerEndPoints(), options.Timeout, options.Retries), options, clock);
    }
}
