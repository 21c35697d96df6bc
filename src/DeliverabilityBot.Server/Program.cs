using DeliverabilityBot.Server;
using DeliverabilityBot.Server.Chat;
using DeliverabilityBot.Server.Health;
using DeliverabilityBot.Server.Web;

var demo = ServerSettings.IsDemo(args, out var hostArgs);
var builder = WebApplication.CreateBuilder(hostArgs);
var dataFolder = ServerSettings.DataFolder(builder.Configuration, demo);

builder.Services.AddChat(builder.Configuration, dataFolder);
builder.Services.AddHealth();

var app = builder.Build();

app.UseSecurityHeaders();
app.MapWebChat();
app.MapChat();
app.MapHealth();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory-based tests.</summary>
public partial class Program;
