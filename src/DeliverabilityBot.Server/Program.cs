using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Configuration;
using DeliverabilityBot.Server;
using DeliverabilityBot.Server.Access;
using DeliverabilityBot.Server.Alerts;
using DeliverabilityBot.Server.Channels;
using DeliverabilityBot.Server.Channels.Slack;
using DeliverabilityBot.Server.Channels.Teams;
using DeliverabilityBot.Server.Charts;
using DeliverabilityBot.Server.Chat;
using DeliverabilityBot.Server.Demo;
using DeliverabilityBot.Server.Health;
using DeliverabilityBot.Server.Live;
using DeliverabilityBot.Server.RuleReload;
using DeliverabilityBot.Server.Telemetry;
using DeliverabilityBot.Server.Web;
using DeliverabilityBot.Server.Webhooks;

WebApplication app;
try
{
    var demoSwitch = ServerSettings.IsDemo(args, out var hostArgs);
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = ServerSettings.ContentRoot(hostArgs) });
    builder.WebHost.UseStaticWebAssets();
    // Under systemd (deploy/dbot-server.service, Type=notify): ready and stopping are told to systemd, logs go to the
    // journal with their levels. Elsewhere this does nothing.
    builder.Host.UseSystemd();
    var demo = ServerSettings.DemoEnabled(demoSwitch, builder.Configuration);
    var dataFolder = ServerSettings.DataFolder(builder.Configuration, demo);
    var access = WebAccessPlan.From(builder.Configuration);
    var store = ServerSettings.StoreConnection(builder.Configuration);

    builder.Services.AddWebAccess(access, builder.Configuration);
    builder.Services.AddDeliverabilityBot(new DeliverabilityBotOptions
    {
        DataDirectory = dataFolder,
        RulesDirectory = builder.Configuration["rules"],
        DeploymentConfigFile = DeploymentConfigFile.ResolvePath(builder.Configuration["config"]),
        StoreConnectionString = store,
    });
    builder.Services.AddSharedState(store);
    builder.Services.AddChat(builder.Configuration, dataFolder);
    builder.Services.AddCharts(builder.Configuration);
    builder.Services.AddDemoData(demo);
    builder.Services.AddHealth();
    builder.Services.AddTeamsChannel(builder.Configuration);
    builder.Services.AddSlackChannel(builder.Configuration);
    builder.Services.AddAlerts(builder.Configuration);
    builder.Services.AddRuleReload(builder.Configuration);
    builder.Services.AddTelemetry(builder.Configuration);
    builder.Services.AddLiveIngest(builder.Configuration);
    builder.Services.AddWebhooks(builder.Configuration);
    app = builder.Build();
    if (ServerSettings.IsOwnProcess && PortProbe.FirstBusy(ListenAddresses.Read(builder.Configuration)) is { } busy)
    {
        Console.Error.WriteLine($"error: {busy} is already in use by another process: stop it, or choose another address with --urls http://127.0.0.1:PORT (or Urls in appsettings.json).");
        return 3;
    }
}
catch (Exception ex) when ((ex is ServerStartupException or ChannelConfigurationException) && ServerSettings.IsOwnProcess)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}

app.UseSecurityHeaders();
app.UseWebAccess();
if (app.Services.GetRequiredService<WebAccessPlan>().Options.WebChatEnabled)
{
    app.MapWebChat();
    app.MapChat();
    app.MapChartImages();
}

app.MapHealth();
app.MapTelemetry();
app.MapTeamsChannel();
app.MapSlackChannel();
app.MapWebhooks();

try
{
    app.Run();
}
catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
{
    // Ctrl+C or SIGTERM while still starting (the demo day loading, say): a stop, not a crash.
    Console.Error.WriteLine("Stopped before the server finished starting.");
}
catch (IOException ex) when (ServerSettings.IsAddressInUse(ex))
{
    Console.Error.WriteLine($"error: {ex.Message.TrimEnd('.')}. Another process is listening there: stop it, or choose another address with --urls http://127.0.0.1:PORT (or Urls in appsettings.json).");
    return 3;
}

return 0;

/// <summary>Entry point, public for WebApplicationFactory-based tests.</summary>
public partial class Program;
