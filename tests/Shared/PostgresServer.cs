using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DeliverabilityBot.Tests.Shared;

/// <summary>
/// A throw-away PostgreSQL server for tests, from the Debian package (<c>apt-get install postgresql</c>; <c>.ci/run</c>
/// installs it): <c>initdb</c> in a temporary folder, started once per test process on a Unix socket there (no TCP
/// port), stopped and deleted when the process exits. Each test takes a database of its own.
/// </summary>
internal static class PostgresServer
{
    private const string User = "dbot";
    private static readonly Lazy<(string? Socket, int Port, string? Why)> Server = new(Start);
    private static int _databases;

    /// <summary>
    /// A connection string to a new, empty database, or skips the test with a clear message where no server can start;
    /// where <c>CI=true</c> that is a failure, so CI can never pass by skipping.
    /// </summary>
    public static string RequireDatabase()
    {
        var (socket, port, why) = Server.Value;
        if (socket is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"CI=true but no PostgreSQL server could start: {why}");
            Skip.If(true, $"no PostgreSQL server could start ({why}); install the postgresql package to run the PostgreSQL tests. Skipping.");
        }
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        var (code, output) = Run(Binary("createdb"), $"-h {socket} -p {port} -U {User} {name}", asOwner: false);
        if (code != 0) throw new InvalidOperationException($"createdb {name} failed: {output}");
        return $"Host={socket};Port={port};Username={User};Database={name};Pooling=true";
    }

    private static (string?, int, string?) Start()
    {
        if (OperatingSystem.IsWindows()) return (null, 0, "the test server is started on Linux only");
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null) return (null, 0, "no initdb under /usr/lib/postgresql/*/bin");
        _bin = bin;
        CleanUpAfterDeadRuns();
        var root = Path.Combine(Path.GetTempPath(), $"dbot-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)0x1FF); // 0777: the postgres user (when we are root) writes its socket here
        var data = Path.Combine(root, "data");
        var port = FreePort();
        var (code, output) = Run(Binary("initdb"), $"-D {data} -U {User} --auth=trust --no-sync -E UTF8 --locale=C.UTF-8", asOwner: true);
        if (code != 0) return (null, 0, $"initdb failed: {Last(output)}");
        (code, output) = Run(Binary("pg_ctl"),
            $"-D {data} -l {Path.Combine(root, "log")} -w -t 60 -o \"-p {port} -k {root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start", asOwner: true);
        if (code != 0) return (null, 0, $"pg_ctl start failed: {Last(output)}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(Binary("pg_ctl"), $"-D {data} -m immediate stop", asOwner: true);
            Delete(root);
        };
        return (root, port, null);
    }

    private static string? _bin;

    // A test process that was killed leaves its server running and its folder behind: stop and delete those whose process is gone.
    private static void CleanUpAfterDeadRuns()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "dbot-pg-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || Directory.Exists($"/proc/{pid}")) continue;
            if (File.Exists(Path.Combine(dir, "data", "postmaster.pid"))) Run(Binary("pg_ctl"), $"-D {Path.Combine(dir, "data")} -m immediate stop", asOwner: true);
            Delete(dir);
        }
    }

    private static void Delete(string dir)
    {
        // The server's files belong to the postgres user when we are root; rm copes with both.
        try { Directory.Delete(dir, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Run("rm", $"-rf {dir}", asOwner: false); }
    }

    private static string Binary(string name) => Path.Combine(_bin!, name);

    // initdb and postgres refuse to run as root: as root they run as the package's postgres user.
    private static (int Code, string Output) Run(string file, string arguments, bool asOwner)
    {
        var asRoot = Environment.UserName == "root";
        var psi = asOwner && asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }

    private static string Last(string output) => output.Trim().Split('\n').LastOrDefault() ?? "";

    // The socket file is named after the port; a free TCP port makes a clash with another server's socket unlikely.
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
