using Microsoft.Extensions.DependencyInjection.Extensions;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Server.Channels;
using DeliverabilityBot.Server.Channels.Slack;
using DeliverabilityBot.Server.Channels.Teams;
using DeliverabilityBot.Store.Incidents;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>Registers the alert detector and the channel posters (after the Slack and Teams channels).</summary>
public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Adds the detector when <c>Alerts:Enabled=true</c> or a channel is named (<c>Alerts:SlackChannel</c>,
    /// <c>Alerts:TeamsChannel</c>, <c>Alerts:Routes</c>); a named channel whose Slack or Teams settings are missing stops
    /// startup with <see cref="ChannelConfigurationException"/>.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AlertPostingOptions.Section);
        var posting = section.Get<AlertPostingOptions>() ?? new AlertPostingOptions();
        if (!posting.IsConfigured && !section.GetValue<bool>("Enabled")) return services;
        AlertRouting.InQuietHours(posting.QuietHours, DateTimeOffset.UtcNow); // a malformed spec stops startup here, not at 22:00
        var wantsSlack = !string.IsNullOrWhiteSpace(posting.SlackChannel) || posting.Routes.Values.Any(r => !string.IsNullOrWhiteSpace(r.SlackChannel));
        var wantsTeams = !string.IsNullOrWhiteSpace(posting.TeamsChannel) || posting.Routes.Values.Any(r => !string.IsNullOrWhiteSpace(r.TeamsChannel));
        var hasSlack = services.Any(d => d.ServiceType == typeof(SlackWebApiClient));
        var hasTeams = services.Any(d => d.ServiceType == typeof(BotConnectorClient));
        if (wantsSlack && !hasSlack) throw new ChannelConfigurationException("Alerts names a Slack channel but Slack is not configured (Slack__BotToken and Slack__SigningSecret or Slack__AppToken).");
        if (wantsTeams && !hasTeams) throw new ChannelConfigurationException("Alerts names a Teams channel but Teams is not configured (Teams__AppId, ... or Teams__LocalMode).");

        services.Configure<AlertPostingOptions>(section);
        services.AddSingleton(_ => section.Get<AlertOptions>() ?? new AlertOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<DeliverabilityBotRuntime>().Store.Incidents);
        services.AddSingleton(sp => sp.GetRequiredService<DeliverabilityBotRuntime>().CreateAlertDetector(sp.GetRequiredService<AlertOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AlertRouting>();
        services.AddSingleton<AlertPublisher>();
        services.AddSingleton<AlertActions>();
        if (wantsSlack) services.AddSingleton<IAlertChannel, SlackAlertChannel>();
        if (wantsTeams) services.AddSingleton<IAlertChannel, TeamsAlertChannel>();
        services.AddSingleton<AlertService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertService>());
        return services;
    }
}
