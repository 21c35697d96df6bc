using DeliverabilityBot.Server.Webhooks.Providers;
using DeliverabilityBot.Store.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>ESP webhooks on the server: <c>POST /api/events/{provider}</c> for each provider configured under <c>Webhooks</c>.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>The route.</summary>
    public const string Route = "/api/events/{provider}";

    /// <summary>
    /// Registers the providers configured under <c>Webhooks:{Provider}</c> (checked now: a wrong setting is a
    /// <see cref="Access.ServerStartupException"/> naming it), the spool, the receiver and the webhook writer.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        services.Configure<WebhookOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        Add(services, section, SendGridWebhook.Section, (SendGridWebhookOptions o) => new SendGridWebhook(o));
        Add(services, section, MailgunWebhook.Section, (MailgunWebhookOptions o) => new MailgunWebhook(o));
        Add(services, section, PostmarkWebhook.Section, (PostmarkWebhookOptions o) => new PostmarkWebhook(o));
        Add(services, section, SparkPostWebhook.Section, (SparkPostWebhookOptions o) => new SparkPostWebhook(o));
        Add(services, section, PostalWebhook.Section, (PostalWebhookOptions o) => new PostalWebhook(o));
        Add(services, section, MandrillWebhook.Section, (MandrillWebhookOptions o) => new MandrillWebhook(o));
        Add(services, section, BrevoWebhook.Section, (BrevoWebhookOptions o) => new BrevoWebhook(o));
        AddSes(services, section);
        services.AddSingleton<WebhookRegistry>();
        // The store's spool (SQLite: its own file beside the history; PostgreSQL: tables shared by the instances).
        services.TryAddSingleton<IWebhookSpool>(sp => sp.GetRequiredService<DeliverabilityBot.Application.DeliverabilityBotRuntime>().Store.WebhookSpool
            ?? throw new Access.ServerStartupException("the history store keeps no webhook spool: ESP webhooks need the SQLite or PostgreSQL store"));
        services.AddSingleton<WebhookSpoolWriter>();
        services.AddSingleton<WebhookReceiver>();
        services.AddHostedService<WebhookIngestService>();
        return services;
    }

    /// <summary>Maps <c>POST /api/events/{provider}</c> (and <c>HEAD</c>, which Mandrill sends to validate a URL).</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        // Each provider authenticates its own requests (signatures, credentials): no sign-in, no chat rate limit.
        endpoints.MapPost(Route, (string provider, HttpContext context, WebhookReceiver receiver) => receiver.ReceiveAsync(provider, context)).AllowAnonymous();
        endpoints.MapMethods(Route, [HttpMethods.Head], (string provider, WebhookRegistry registry) =>
            registry.Find(provider) is null ? Results.NotFound() : Results.Ok()).AllowAnonymous();
        return endpoints;
    }

    // SNS needs the HTTP client for certificates and confirmations: its settings are checked now, it is built by DI.
    private static void AddSes(IServiceCollection services, IConfigurationSection webhooks)
    {
        var section = webhooks.GetSection(SesWebhook.Section);
        if (!section.Exists()) return;
        var options = Bind<SesWebhookOptions>(section, SesWebhook.Section);
        SesWebhook.Validate(options);
        services.TryAddSingleton<SnsHostPolicy>();
        services.TryAddSingleton<SnsCertificates>();
        // Certificates and subscription URLs come from the checked host only: a redirect could lead anywhere.
        services.AddHttpClient(SnsCertificates.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IWebhookProvider>(sp => new SesWebhook(options, sp.GetRequiredService<SnsHostPolicy>(), sp.GetRequiredService<SnsCertificates>(),
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ILogger<SesWebhook>>()));
    }

    private static TOptions Bind<TOptions>(IConfigurationSection section, string name) where TOptions : class, new()
    {
        try { return section.Get<TOptions>() ?? new TOptions(); }
        catch (InvalidOperationException ex) { throw new Access.ServerStartupException($"{WebhookOptions.Section}:{name}: {ex.Message}"); }
    }

    // A provider is on when its section has any setting; it is built (and its settings checked) at once.
    private static void Add<TOptions>(IServiceCollection services, IConfigurationSection webhooks, string name, Func<TOptions, IWebhookProvider> create)
        where TOptions : class, new()
    {
        var section = webhooks.GetSection(name);
        if (!section.Exists()) return;
        services.AddSingleton(create(Bind<TOptions>(section, name)));
    }
}
