using System.Diagnostics;

namespace DeliverabilityBot.Cli.Output;

/// <summary>
/// Prints how long each start-up phase took to stderr when <c>DBOT_TIMING=1</c> (for the cold-start figures in
/// benchmarks/README.md), with the methods the JIT compiled in it (what ReadyToRun removes) and the garbage
/// collections so far (what a batch run like <c>classify</c> spends in GC) and the rule regexes built so far (each is
/// built on first use); silent otherwise.
/// </summary>
internal sealed class PhaseTimer(TextWriter error)
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("DBOT_TIMING") == "1";
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;
    private long _lastJitted;
    private TimeSpan _lastJitTime;

    /// <summary>Reports the phase that just ended.</summary>
    public void Mark(string phase)
    {
        if (!Enabled) return;
        var now = _watch.Elapsed;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        error.WriteLine($"timing: {phase,-18} {(now - _last).TotalMilliseconds,7:F1} ms (process {sinceStart.TotalMilliseconds:F0} ms; " +
            $"JIT {jitted - _lastJitted} methods, {(jitTime - _lastJitTime).TotalMilliseconds:F1} ms; " +
            $"GC so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2, " +
            $"{GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, {GC.GetTotalAllocatedBytes() >> 20} MB allocated; " +
            $"{Rules.Matching.RulePattern.BuiltInProcess} rule regexes built)");
        _last = now;
        _lastJitted = jitted;
        _lastJitTime = jitTime;
    }
}
