using System.Net;
using DeliverabilityBot.Server.Tests.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Web;

/// <summary>The real server with the demo day, on Kestrel at 127.0.0.1 and a random port, for a real browser.</summary>
public sealed class KestrelChatServer : IDisposable
{
    private readonly DemoServerFactory _factory = new();

    public KestrelChatServer()
    {
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; }

    public void Dispose() => _factory.Dispose();
}
