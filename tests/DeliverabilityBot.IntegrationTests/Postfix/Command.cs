using System.Diagnostics;

namespace DeliverabilityBot.IntegrationTests.Postfix;

/// <summary>Runs a command to completion and returns its output; a non-zero exit throws with what it printed.</summary>
internal static class Command
{
    public static string Run(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        using var p = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{file} {string.Join(' ', info.ArgumentList)}' did not finish in time.");
        }
        var output = stdout.Result + stderr.Result;
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"'{file} {string.Join(' ', info.ArgumentList)}' exited {p.ExitCode}: {output.Trim()}");
        return output;
    }

    /// <summary>True when <paramref name="file"/> is an executable found on PATH or at that path.</summary>
    public static bool Exists(string file) =>
        file.Contains('/') ? File.Exists(file)
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, file)));
}
