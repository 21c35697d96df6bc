using System.Net;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Server.Channels;
using DeliverabilityBot.Server.Channels.Slack;
using DeliverabilityBot.Server.Channels.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>
/// A server with only the chat channels, on TestServer, wired to fake Bot Connector, Entra, OpenID and
/// Slack Web API handlers and a fake conversation core.
/// </summary>
public sealed class ChannelTestHost : IAsyncDisposable
{
    private ChannelTestHost(WebApplication app)
    {
        App = app;
    }

    /// <summary>The fake Bot Connector (replies, typing).</summary>
    public FakeHttpHandler Connector { get; } = new();

    /// <summary>The fake Entra token endpoint.</summary>
    public FakeHttpHandler Login { get; } = new();

    /// <summary>The fake Bot Framework OpenID metadata and key server.</summary>
    public FakeHttpHandler OpenId { get; } = new();

    /// <summary>The fake Slack Web API (and response_url host).</summary>
    public FakeHttpHandler SlackApi { get; } = new();

    /// <summary>The fake conversation core.</summary>
    public FakeChatBot Bot { get; } = new();

    /// <summary>The app.</summary>
    public WebApplication App { get; }

    /// <summary>A client for the app.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Waits until all background chat work has finished.</summary>
    public Task WhenIdleAsync() => App.Services.GetRequiredService<ChannelWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Starts a host; requests appear to come from <paramref name="remote"/> (loopback by default); <paramref name="services"/>
    /// adds services after the channels (the alerts, say).
    /// </summary>
    public static async Task<ChannelTestHost> StartAsync(IDictionary<string, string?> settings, IPAddress? remote = null,
        Action<IServiceCollection, IConfiguration>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Channels:Retry:BaseDelay"] = "00:00:00.001",
            ["Channels:Retry:MaxDelay"] = "00:00:00.010",
        });
        // As the server does: a PostgreSQL ConnectionStrings:History shares the delivery keys between instances.
        builder.Services.AddSharedState(ServerSettings.StoreConnection(builder.Configuration));
        builder.Services.AddTeamsChannel(builder.Configuration);
        builder.Services.AddSlackChannel(builder.Configuration);
        services?.Invoke(builder.Services, builder.Configuration);
        ChannelTestHost? host = null;
        builder.Services.AddSingleton<IChatBot>(_ => host!.Bot);
        builder.Services.AddHttpClient(TeamsHttpClients.Connector).ConfigurePrimaryHttpMessageHandler(() => host!.Connector);
        builder.Services.AddHttpClient(TeamsHttpClients.Login).ConfigurePrimaryHttpMessageHandler(() => host!.Login);
        builder.Services.AddHttpClient(TeamsHttpClients.OpenId).ConfigurePrimaryHttpMessageHandler(() => host!.OpenId);
        builder.Services.AddHttpClient(SlackHttpClients.Api).ConfigurePrimaryHttpMessageHandler(() => host!.SlackApi);
        var app = builder.Build();
        host = new ChannelTestHost(app);
        var address = remote ?? IPAddress.Loopback;
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = address;
            return next(context);
        });
        app.MapTeamsChannel();
        app.MapSlackChannel();
        await app.StartAsync();
        host.Client = app.GetTestClient();
        return host;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
