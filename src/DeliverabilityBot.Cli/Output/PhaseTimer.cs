using System.Diagnostics;

namespace DeliverabilityBot.Cli.Output;

/// <summary>
/// Prints how long each start-up phase took to stderr when <c>DBOT_TIMING=1</c> (for the cold-start figures in
/// benchmarks/README.md); silent otherwise.
/// </summary>
internal sealed class PhaseTimer(TextWriter error)
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("DBOT_TIMING") == "1";
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;

    /// <summary>Reports the phase that just ended.</summary>
    public void Mark(string phase)
    {
        if (!Enabled) return;
        var now = _watch.Elapsed;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        error.WriteLine($"timing: {phase,-18} {(now - _last).TotalMilliseconds,7:F1} ms (process {sinceStart.TotalMilliseconds:F0} ms)");
        _last = now;
    }
}
