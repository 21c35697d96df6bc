using DeliverabilityBot.Charts;
using DeliverabilityBot.Conversation.Rendering;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Charts;

/// <summary>Registers chart drawing for the server (web chat endpoint, Slack uploads, Teams inline images).</summary>
public static class ChartServiceCollectionExtensions
{
    /// <summary>The setting naming a font file for chart text (else <c>DBOT_CHART_FONT</c>, else a system sans-serif font).</summary>
    public const string FontFileKey = "Charts:FontFile";

    /// <summary>Adds <see cref="IChartImageRenderer"/> (ScottPlot) and <see cref="ChartImages"/>.</summary>
    public static IServiceCollection AddCharts(this IServiceCollection services, IConfiguration configuration)
    {
        var font = configuration[FontFileKey];
        services.TryAddSingleton<IChartImageRenderer>(_ => new ScottPlotChartRenderer(string.IsNullOrWhiteSpace(font) ? null : font));
        services.TryAddSingleton<ChartImages>();
        return services;
    }
}
