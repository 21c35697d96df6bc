using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeliverabilityBot.IntegrationTests.Postfix;

/// <summary>
/// A real Postfix (the Debian package's binaries) running from its own config, queue and log inside a
/// <see cref="NetworkNamespace"/>. Mail is submitted over SMTP to its smtpd on 127.0.0.1:25 of the
/// namespace. Dispose stops the master (and kills it if it will not stop).
/// </summary>
public sealed class PostfixInstance : IDisposable
{
    private readonly NetworkNamespace _namespace;
    private bool _started;

    private PostfixInstance(NetworkNamespace ns, PostfixConfig config)
    {
        _namespace = ns;
        Config = config;
    }

    /// <summary>The configuration it runs with.</summary>
    public PostfixConfig Config { get; }

    /// <summary>Writes the config, lets Postfix create and check its queue, and starts it.</summary>
    public static PostfixInstance Start(NetworkNamespace ns, PostfixConfig config)
    {
        config.Write();
        var instance = new PostfixInstance(ns, config);
        try
        {
            ns.Run("postfix", ["-c", config.ConfigDirectory, "set-permissions"]);
            ns.Run("postfix", ["-c", config.ConfigDirectory, "check"]);
            ns.Run("postfix", ["-c", config.ConfigDirectory, "start"]);
            instance._started = true;
            instance.WaitForListener();
        }
        catch (Exception e)
        {
            instance.Dispose();
            // Postfix reports start-up errors to its log (stderr only on a terminal).
            throw new InvalidOperationException($"Postfix did not start: {e.Message}\nlog:\n{Tail(config.MailLog, 20)}", e);
        }
        return instance;
    }

    private void WaitForListener()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var socket = _namespace.Inside(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
                socket.Connect(IPAddress.Loopback, 25);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline) { Thread.Sleep(200); }
        }
    }

    /// <summary>Submits one message per (sender, recipient) over one SMTP session; returns their Message-IDs.</summary>
    public IReadOnlyList<string> Submit(IEnumerable<(string Sender, string HeaderFrom, string Recipient)> messages)
    {
        using var socket = _namespace.Inside(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        socket.Connect(IPAddress.Loopback, 25);
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { AutoFlush = true, NewLine = "\r\n" };
        Expect(reader, 220);
        Send(writer, reader, "EHLO submitter.sender.example", 250);
        var ids = new List<string>();
        var n = 0;
        foreach (var (sender, from, recipient) in messages)
        {
            var id = $"<{DateTime.UtcNow:yyyyMMddHHmmss}.{++n:D4}.{Guid.NewGuid():N}@sender.example>";
            Send(writer, reader, $"MAIL FROM:<{sender}>", 250);
            Send(writer, reader, $"RCPT TO:<{recipient}>", 250);
            Send(writer, reader, "DATA", 354);
            writer.Write($"From: {from}\r\nTo: <{recipient}>\r\nSubject: Your update {n}\r\nMessage-ID: {id}\r\n"
                + $"Date: {DateTimeOffset.UtcNow:ddd, dd MMM yyyy HH:mm:ss} +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "Hello,\r\n\r\nthis is message " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the integration run.\r\n");
            Send(writer, reader, ".", 250);
            ids.Add(id);
        }
        Send(writer, reader, "QUIT", 221);
        return ids;
    }

    private static void Send(StreamWriter writer, StreamReader reader, string line, int expected)
    {
        writer.WriteLine(line);
        Expect(reader, expected);
    }

    private static void Expect(StreamReader reader, int expected)
    {
        string? line;
        do { line = reader.ReadLine() ?? throw new IOException($"Postfix's smtpd closed the session (expected {expected})."); }
        while (line.Length > 3 && line[3] == '-');
        if (!line.StartsWith(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            throw new InvalidOperationException($"Postfix's smtpd answered '{line}' where {expected} was expected.");
    }

    /// <summary>Files still in the queue (incoming, active, deferred, maildrop, hold).</summary>
    public int QueuedFiles() =>
        new[] { "maildrop", "incoming", "active", "deferred", "hold" }
            .Select(d => Path.Combine(Config.QueueDirectory, d))
            .Where(Directory.Exists)
            .Sum(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Count());

    /// <summary>Waits until the queue is empty (every message delivered, bounced or expired and its DSN delivered).</summary>
    public void WaitUntilQueueEmpty(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        // Twice empty in a row: a bounce is queued right after its message leaves.
        var emptyTimes = 0;
        while (emptyTimes < 2)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Postfix's queue still holds {QueuedFiles()} files after {timeout.TotalSeconds:0} s; log:\n{Tail(Config.MailLog, 30)}");
            emptyTimes = QueuedFiles() == 0 ? emptyTimes + 1 : 0;
            Thread.Sleep(500);
        }
    }

    private static string Tail(string path, int lines) =>
        File.Exists(path) ? string.Join("\n", File.ReadLines(path).TakeLast(lines)) : "(no log)";

    /// <inheritdoc />
    public void Dispose()
    {
        var pidFile = Path.Combine(Config.QueueDirectory, "pid", "master.pid");
        if (_started)
        {
            try { _namespace.Run("postfix", ["-c", Config.ConfigDirectory, "stop"]); }
            catch (InvalidOperationException) { /* killed below */ }
        }
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline) Thread.Sleep(100);
            if (Directory.Exists($"/proc/{pid}") && IsPostfixMaster(pid))
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
        }
    }

    /// <summary>True when the pid is still this instance's master (a pid may be reused).</summary>
    private bool IsPostfixMaster(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Contains("master", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }
}
