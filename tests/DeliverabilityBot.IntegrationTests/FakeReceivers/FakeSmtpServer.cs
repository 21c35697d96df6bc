using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeliverabilityBot.IntegrationTests.FakeReceivers;

/// <summary>
/// A minimal SMTP server for one fake receiver: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, no
/// PIPELINING (so each reply answers one command), answering each stage as its
/// <see cref="IReceiverBehaviour"/> says and recording every transaction. It serves a listening socket
/// made by the caller (possibly inside another network namespace), until disposed.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly IReceiverBehaviour _behaviour;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceiverTransaction> _transactions = new();
    private readonly ConcurrentDictionary<Task, byte> _sessions = new();
    private readonly Task _acceptLoop;

    /// <summary>Starts serving <paramref name="listener"/> (bound and listening).</summary>
    public FakeSmtpServer(Socket listener, IReceiverBehaviour behaviour)
    {
        _listener = listener;
        _behaviour = behaviour;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The behaviour (and so the receiver id).</summary>
    public IReceiverBehaviour Behaviour => _behaviour;

    /// <summary>Every transaction so far, in the order they ended.</summary>
    public IReadOnlyList<ReceiverTransaction> Transactions => [.. _transactions];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            catch (ObjectDisposedException) { return; }
            var session = Task.Run(() => ServeAsync(client));
            _sessions[session] = 0;
            _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        var client = ((IPEndPoint)socket.RemoteEndPoint!).Address;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { AutoFlush = true, NewLine = "\r\n" };
        var current = NewTransaction(client);
        try
        {
            var refusal = _behaviour.Greeting(client);
            if (refusal is not null)
            {
                current.GreetingRefusal = refusal;
                current.Recorded = true;
                _transactions.Enqueue(current);
                await writer.WriteAsync(refusal.ToWire());
                if (refusal.ClosesSession) return;
                // A 554 greeting: RFC 5321 lets the server stay to answer QUIT; everything else gets 503.
                await RefuseUntilQuitAsync(reader, writer);
                return;
            }
            await writer.WriteAsync($"220 {_behaviour.Banner}\r\n");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync($"250-{_behaviour.Receiver}.fake\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES\r\n");
                        break;
                    case "HELO":
                        await writer.WriteAsync($"250 {_behaviour.Receiver}.fake\r\n");
                        break;
                    case "MAIL":
                        Record(current);
                        current = NewTransaction(client);
                        current.Sender = Address(line);
                        await writer.WriteAsync("250 2.1.0 Ok\r\n");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        var rcptReply = _behaviour.Recipient(client, recipient);
                        if (rcptReply is null)
                        {
                            current.Recipients.Add(new RecipientOutcome(recipient, SmtpReply.Ok));
                            await writer.WriteAsync("250 2.1.5 Ok\r\n");
                            break;
                        }
                        current.Recipients.Add(new RecipientOutcome(recipient, rcptReply));
                        await writer.WriteAsync(rcptReply.ToWire());
                        if (rcptReply.ClosesSession) return;
                        break;
                    case "DATA":
                        var accepted = current.Recipients.Where(r => r.Delivered).Select(r => r.Recipient).ToList();
                        if (accepted.Count == 0) { await writer.WriteAsync("554 5.5.1 Error: no valid recipients\r\n"); break; }
                        await writer.WriteAsync("354 End data with <CR><LF>.<CR><LF>\r\n");
                        while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".") { }
                        var dataReply = _behaviour.EndOfData(client, accepted)
                            ?? new SmtpReply(250, $"2.0.0 Ok: queued as {Guid.NewGuid():N}"[..31]);
                        for (var i = 0; i < current.Recipients.Count; i++)
                            if (current.Recipients[i].Delivered) current.Recipients[i] = current.Recipients[i] with { Reply = dataReply };
                        Record(current);
                        current = NewTransaction(client);
                        await writer.WriteAsync(dataReply.ToWire());
                        if (dataReply.ClosesSession) return;
                        break;
                    case "RSET":
                        Record(current);
                        current = NewTransaction(client);
                        await writer.WriteAsync("250 2.0.0 Ok\r\n");
                        break;
                    case "NOOP":
                        await writer.WriteAsync("250 2.0.0 Ok\r\n");
                        break;
                    case "QUIT":
                        await writer.WriteAsync("221 2.0.0 Bye\r\n");
                        return;
                    default:
                        await writer.WriteAsync("502 5.5.2 Error: command not recognized\r\n");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (Postfix closes cached connections at will); nothing to record.
        }
        finally
        {
            // A transaction whose recipients were all refused never reaches DATA; it still happened.
            Record(current);
        }
    }

    /// <summary>Keeps a transaction once, when it has recipients; a recipient accepted at RCPT but never sent DATA for is dropped (nothing was decided for it).</summary>
    private void Record(ReceiverTransaction transaction)
    {
        if (transaction.Recorded) return;
        transaction.Recipients.RemoveAll(r => ReferenceEquals(r.Reply, SmtpReply.Ok));
        if (transaction.Recipients.Count == 0) return;
        transaction.Recorded = true;
        _transactions.Enqueue(transaction);
    }

    private ReceiverTransaction NewTransaction(IPAddress client) =>
        new() { Receiver = _behaviour.Receiver, Client = client, Started = DateTimeOffset.UtcNow };

    private async Task RefuseUntilQuitAsync(StreamReader reader, StreamWriter writer)
    {
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase)) { await writer.WriteAsync("221 2.0.0 Bye\r\n"); return; }
            await writer.WriteAsync("503 5.5.1 Error: access denied\r\n");
        }
    }

    /// <summary>The address inside &lt;...&gt; of a MAIL or RCPT command, lower-cased.</summary>
    private static string Address(string line)
    {
        var open = line.IndexOf('<');
        var close = open < 0 ? -1 : line.IndexOf('>', open);
        return (open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':') + 1)..].Trim()).ToLowerInvariant();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try { await _acceptLoop; } catch (OperationCanceledException) { }
        try { await Task.WhenAll(_sessions.Keys).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception e) when (e is TimeoutException or OperationCanceledException) { }
        _stop.Dispose();
    }
}
