using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>A Socket Mode WebSocket endpoint on 127.0.0.1 that hands each connection to the test.</summary>
public sealed class FakeSlackSocketServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<Session> sessions = Channel.CreateUnbounded<Session>();

    private FakeSlackSocketServer(WebApplication app) => this.app = app;

    /// <summary>The ws:// URL apps.connections.open should hand out.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeSlackSocketServer(app);
        app.UseWebSockets();
        app.Map("/link", async (HttpContext context) =>
        {
            var session = new Session(await context.WebSockets.AcceptWebSocketAsync());
            server.sessions.Writer.TryWrite(session);
            await session.RunAsync();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = address.Replace("http://", "ws://", StringComparison.Ordinal) + "/link";
        return server;
    }

    /// <summary>Waits for the bot's next connection.</summary>
    public async Task<Session> NextSessionAsync() =>
        await sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>One WebSocket connection from the bot.</summary>
    public sealed class Session(WebSocket socket)
    {
        private readonly Channel<string> received = Channel.CreateUnbounded<string>();
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the bot closed the connection.</summary>
        public Task Closed => closed.Task;

        /// <summary>Sends a frame to the bot.</summary>
        public Task SendAsync(string json) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>The next frame from the bot (an ack).</summary>
        public async Task<string> ReceiveAsync() =>
            await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        internal async Task RunAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        break;
                    }

                    received.Writer.TryWrite(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
            catch (WebSocketException)
            {
                // The bot went away (host stopped).
            }
            finally
            {
                closed.TrySetResult();
            }
        }
    }
}
