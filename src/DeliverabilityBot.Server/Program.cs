using DeliverabilityBot.Application;
using DeliverabilityBot.Server;
using DeliverabilityBot.Server.Channels.Slack;
using DeliverabilityBot.Server.Channels.Teams;
using DeliverabilityBot.Server.Chat;
using DeliverabilityBot.Server.Demo;
using DeliverabilityBot.Server.Health;
using DeliverabilityBot.Server.RuleReload;
using DeliverabilityBot.Server.Web;

var demoSwitch = ServerSettings.IsDemo(args, out var hostArgs);
var builder = WebApplication.CreateBuilder(hostArgs);
var demo = ServerSettings.DemoEnabled(demoSwitch, builder.Configuration);
var dataFolder = ServerSettings.DataFolder(builder.Configuration, demo);

builder.Services.AddDeliverabilityBot(new DeliverabilityBotOptions { DataDirectory = dataFolder, RulesDirectory = builder.Configuration["rules"] });
builder.Services.AddChat(builder.Configuration, dataFolder);
builder.Services.AddDemoData(demo);
builder.Services.AddHealth();
builder.Services.AddTeamsChannel(builder.Configuration);
builder.Services.AddSlackChannel(builder.Configuration);
builder.Services.AddRuleReload(builder.Configuration);

var app = builder.Build();

app.UseSecurityHeaders();
app.MapWebChat();
app.MapChat();
app.MapHealth();
app.MapTeamsChannel();
app.MapSlackChannel();

try
{
    app.Run();
}
catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
{
    // Ctrl+C or SIGTERM while still starting (the demo day loading, say): a stop, not a crash.
    Console.Error.WriteLine("Stopped before the server finished starting.");
}

/// <summary>Entry point, public for WebApplicationFactory-based tests.</summary>
public partial class Program;
