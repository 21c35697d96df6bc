using System.Diagnostics;

namespace DeliverabilityBot.Cli.Tests;

/// <summary>Runs the built <c>dbot</c> as a separate process (the real entry point, exit codes and streams).</summary>
internal static class DbotProcess
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(string? stdin, params string[] args) => Run(stdin, null, args);

    public static Result Run(string? stdin, IDictionary<string, string?>? env, params string[] args) =>
        Run(stdin is null ? null : input => { input.Write(stdin); input.Flush(); }, env, args);

    /// <summary>Runs dbot from <paramref name="workingDirectory"/> (where <c>./dbot.config</c> is looked for).</summary>
    public static Result RunIn(string workingDirectory, string? stdin, params string[] args) =>
        Run(stdin is null ? null : input => { input.Write(stdin); input.Flush(); }, null, args, workingDirectory);

    /// <summary>Runs dbot with the bytes of <paramref name="stdinFile"/> (a gzip, say) piped into its standard input.</summary>
    public static Result RunWithStdinFile(string stdinFile, params string[] args) =>
        Run(input => { using var file = File.OpenRead(stdinFile); file.CopyTo(input.BaseStream); input.BaseStream.Flush(); }, null, args);

    private static Result Run(Action<StreamWriter>? writeStdin, IDictionary<string, string?>? env, string[] args, string? workingDirectory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dbot.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(), // any folder: the embedded rules must work from anywhere
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("DBOT_RULES");
        psi.Environment.Remove("DBOT_CONFIG");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        writeStdin?.Invoke(p.StandardInput);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("dbot did not exit within 60 s: " + string.Join(' ', args));
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TestRules => TestPaths.InRepo("tests", "DeliverabilityBot.Rules.Tests", "TestData", "valid");
}
