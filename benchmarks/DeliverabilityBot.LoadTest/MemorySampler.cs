using System.Diagnostics;

namespace DeliverabilityBot.LoadTest;

/// <summary>
/// Samples the process's working set and GC heap while the load runs. The server runs in this process, so the
/// figures include the load clients, whose state is small and bounded (latency samples only).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly List<Sample> samples = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Starts sampling every <paramref name="interval"/>.</summary>
    public MemorySampler(TimeSpan interval) => loop = RunAsync(interval);

    /// <summary>One sample: seconds since start, working set and GC heap (bytes, after the last GC) in bytes.</summary>
    public readonly record struct Sample(double Seconds, long WorkingSet, long GcHeap);

    /// <summary>The samples so far.</summary>
    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (samples)
            {
                return samples.ToArray();
            }
        }
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        using var process = Process.GetCurrentProcess();
        do
        {
            process.Refresh();
            var sample = new Sample(clock.Elapsed.TotalSeconds, process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
            lock (samples)
            {
                samples.Add(sample);
            }
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
