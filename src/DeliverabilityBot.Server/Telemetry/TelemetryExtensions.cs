using DeliverabilityBot.Application.Telemetry;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Server.Access;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DeliverabilityBot.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server: DeliverabilityBot's own meter (ingest events, classification latency, rule regex
/// timeouts, answer latency by channel) and ASP.NET Core's (request duration by route, so each channel endpoint), with
/// a Prometheus scrape endpoint at <c>/metrics</c>; traces of requests and answers go to an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The Prometheus scrape path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers the meters, the exporters, and the answer timing around the registered <see cref="IChatBot"/>.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("deliverabilitybot"))
            .WithMetrics(m => m.AddMeter(DeliverabilityBotTelemetry.Name).AddAspNetCoreInstrumentation().AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddSource(DeliverabilityBotTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp) t.AddOtlpExporter();
            });
        var bot = services.LastOrDefault(d => d.ServiceType == typeof(IChatBot) && !d.IsKeyedService);
        if (bot is not null)
        {
            services.Remove(bot);
            services.Add(ServiceDescriptor.Describe(typeof(IChatBot), sp => new TimedChatBot(Create(sp, bot)), bot.Lifetime));
        }
        return services;
    }

    /// <summary>
    /// Maps <c>/metrics</c> behind the same sign-in as <c>/api/chat</c> (API key, bearer token or sign-in cookie) where
    /// any sign-in is configured; without sign-in only where <c>/api/chat</c> is open too (a loopback server, or an
    /// exposed one opened with <c>Chat__AllowAnonymous</c>). An exposed server without sign-in has no <c>/metrics</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder app)
    {
        var plan = app.ServiceProvider.GetRequiredService<WebAccessPlan>();
        if (plan.Options.HasSignIn) app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization();
        else if (!plan.Exposed || plan.Options.AllowAnonymous) app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static IChatBot Create(IServiceProvider services, ServiceDescriptor registered) =>
        (IChatBot)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
