using System.Net;
using DeliverabilityBot.Server.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.LoadTest;

/// <summary>
/// The real server (Program: store, rules, diagnosis, chat, Slack channel) with the demo day, on Kestrel at
/// 127.0.0.1 and a free port, in a temporary data folder, Slack in HTTP mode against the fake Web API.
/// </summary>
public sealed class LoadServer : WebApplicationFactory<Program>
{
    /// <summary>The test signing secret (not a real workspace's).</summary>
    public const string SigningSecret = "load-test-signing-secret-0000000000";

    /// <summary>The test bot token (not a real workspace's).</summary>
    public const string BotToken = "xoxb-0000000000-0000000000-loadtestloadtestloadtest";

    private readonly Uri slackApi;

    /// <summary>Starts the server; Slack posts go to <paramref name="slackApi"/>.</summary>
    public LoadServer(Uri slackApi)
    {
        this.slackApi = slackApi;
        // The factory looks for its content-root manifest in the current directory (else for a solution folder, absent
        // when the tool is built elsewhere); the manifest sits beside this tool.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The temporary data folder (history store and conversation state).</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("dbot-load-").FullName;

    /// <summary>Background chat work (Slack replies) enqueued and not finished.</summary>
    public int PendingReplies => Services.GetRequiredService<ChannelWorkQueue>().Pending;

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The server's appsettings.json is copied beside this tool; the source folder may not be there (built elsewhere).
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("data", DataFolder);
        builder.UseSetting("Demo", "true");
        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Slack:BotToken", BotToken);
        builder.UseSetting("Slack:ApiBaseUrl", slackApi.ToString());
        // Per-request Information logs to the console would measure the console, not the server.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned by the system.
        }
    }
}
