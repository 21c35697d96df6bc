using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;

namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>
/// The sockets of a syslog source: each endpoint bound at once (so a taken port fails the start, not later), then read
/// until cancelled, every message put in the one bounded queue. UDP messages that find the queue full are dropped and
/// counted; TCP and TLS connections wait for room, at most <see cref="SyslogOptions.MaxConnections"/> at once.
/// </summary>
internal sealed class SyslogListeners : IDisposable
{
    private readonly SyslogOptions _options;
    private readonly SyslogCounters _counters;
    private readonly ChannelWriter<ReceivedMessage> _queue;
    private readonly List<(SyslogEndpoint Endpoint, Socket Socket)> _bound = [];
    private readonly X509Certificate2? _certificate;
    private int _connections;

    public SyslogListeners(IReadOnlyList<SyslogEndpoint> endpoints, SyslogOptions options, SyslogCounters counters, ChannelWriter<ReceivedMessage> queue)
    {
        _options = options;
        _counters = counters;
        _queue = queue;
        try
        {
            if (endpoints.Any(e => e.Transport == SyslogTransport.Tls)) _certificate = SyslogCertificate.Load(options);
            foreach (var endpoint in endpoints)
            {
                var udp = endpoint.Transport == SyslogTransport.Udp;
                var socket = new Socket(endpoint.Address.AddressFamily, udp ? SocketType.Dgram : SocketType.Stream, udp ? ProtocolType.Udp : ProtocolType.Tcp);
                _bound.Add((endpoint, socket));
                if (udp) socket.ReceiveBufferSize = 4 * 1024 * 1024; // bursts wait in the kernel rather than being lost
                socket.Bind(endpoint.Address);
                if (!udp) socket.Listen(128);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The endpoints as bound (port 0 replaced by the port given).</summary>
    public IReadOnlyList<SyslogEndpoint> Bound => [.. _bound.Select(b => b.Endpoint with { Address = (IPEndPoint)b.Socket.LocalEndPoint! })];

    /// <summary>Reads every socket until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(_bound.Select(b =>
        b.Endpoint.Transport == SyslogTransport.Udp ? ReceiveUdpAsync(b.Socket, cancellationToken) : AcceptAsync(b.Socket, b.Endpoint.Transport == SyslogTransport.Tls, cancellationToken)));

    private async Task ReceiveUdpAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                continue; // an ICMP error for an earlier datagram: the socket still works
            }
            if (result.ReceivedBytes > _options.MaxMessageBytes)
            {
                _counters.AddOversized();
                continue;
            }
            if (_queue.TryWrite(new ReceivedMessage(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), DateTimeOffset.UtcNow))) _counters.AddReceived();
            else _counters.AddDropped();
        }
    }

    private async Task AcceptAsync(Socket listener, bool tls, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                if (Interlocked.Increment(ref _connections) > _options.MaxConnections)
                {
                    Interlocked.Decrement(ref _connections);
                    _counters.AddRefused();
                    client.Dispose();
                    continue;
                }
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(client, tls, cancellationToken));
            }
        }
        finally
        {
            await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ServeAsync(Socket client, bool tls, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Stream stream = new NetworkStream(client, ownsSocket: true);
        SyslogFrameReader? frames = null;
        long oversized = 0;
        try
        {
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                idle.CancelAfter(_options.HandshakeTimeout);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, idle.Token).ConfigureAwait(false);
            }
            frames = new SyslogFrameReader(stream, _options.MaxMessageBytes);
            while (true)
            {
                idle.CancelAfter(_options.IdleTimeout);
                var frame = await frames.ReadAsync(idle.Token).ConfigureAwait(false);
                _counters.AddOversized(frames.Oversized - oversized);
                oversized = frames.Oversized;
                if (frame is null) break;
                // A connection waits for room: TCP pushes back on the sender instead of losing its messages.
                await _queue.WriteAsync(new ReceivedMessage(frame, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
                _counters.AddReceived();
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ChannelClosedException)
        {
            // The peer went away, idled out, failed its handshake, or the listener is stopping: close this connection only.
        }
        finally
        {
            if (frames is not null) _counters.AddOversized(frames.Oversized - oversized);
            await stream.DisposeAsync().ConfigureAwait(false);
            Interlocked.Decrement(ref _connections);
        }
    }

    public void Dispose()
    {
        foreach (var (_, socket) in _bound) socket.Dispose();
        _certificate?.Dispose();
    }
}
