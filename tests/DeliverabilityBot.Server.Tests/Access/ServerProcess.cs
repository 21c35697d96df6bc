using System.Diagnostics;
using System.Text;

namespace DeliverabilityBot.Server.Tests.Access;

/// <summary>
/// The built server run as its own process (<c>dotnet DeliverabilityBot.Server.dll</c>) from a temporary working
/// directory, with its own temporary data folder; for what only a real process shows (exit codes, stderr, binding).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-process-").FullName;

    public ServerProcess(params string[] args)
    {
        var info = new ProcessStartInfo(DotNet(), ["exec", Path.Combine(AppContext.BaseDirectory, "DeliverabilityBot.Server.dll"), .. args])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DBOT_DATA"] = Path.Combine(_folder, "data");
        foreach (var variable in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_ENVIRONMENT" })
            info.Environment.Remove(variable);
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Waits for the process to end; its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Waits until standard output has a line containing <paramref name="text"/>; that line.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (Stdout.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line) return line.TrimEnd('\r');
            await Task.Delay(100);
        }

        throw new TimeoutException($"no line with '{text}'; stdout: {Stdout} stderr: {Stderr}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string DotNet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
