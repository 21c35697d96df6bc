using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Server.Tests.Access;

/// <summary>Startup as an operator sees it: exit codes and one-line errors from the real process.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task NonLoopbackBindWithoutSignIn_ExitsWithOneLineSayingWhy()
    {
        using var server = new ServerProcess("--urls", "http://0.0.0.0:0");

        var code = await server.ExitCodeAsync();

        Assert.Equal(2, code);
        var line = Assert.Single(server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Refusing to serve the web chat", line, StringComparison.Ordinal);
        Assert.Contains("Chat__AllowAnonymous=true", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", server.Stdout + server.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusyPort_ExitsWithOneLineNamingTheAddress()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        using var server = new ServerProcess("--urls", url);

        var code = await server.ExitCodeAsync();

        Assert.Equal(3, code);
        var line = Assert.Single(server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", server.Stdout + server.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartedFromAnotherDirectory_ReadsItsAppSettings()
    {
        // appsettings.json asks for single-line console logs stamped HH:mm:ss; without it the host logs two-line entries.
        using var server = new ServerProcess("--urls", "http://127.0.0.1:0");

        var line = await server.WaitForLineAsync("Now listening on:");

        Assert.Matches(new Regex(@"^\d\d:\d\d:\d\d info: Microsoft\.Hosting\.Lifetime\[14\] Now listening on: http://127\.0\.0\.1:\d+$"), line);
    }
}
