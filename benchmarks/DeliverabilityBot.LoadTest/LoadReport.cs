using System.Globalization;

namespace DeliverabilityBot.LoadTest;

/// <summary>Prints the run's figures: latency and throughput per endpoint, replies, memory; decides the exit code.</summary>
public static class LoadReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Latency percentiles and requests/s per endpoint over the sending phase.</summary>
    public static void Latency(Recorder recorder, double sendSeconds)
    {
        Console.WriteLine($"{"endpoint",-28} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        var total = 0;
        var requests = Enum.GetValues<Endpoint>().Where(e => e != Endpoint.SlackReply);
        foreach (var endpoint in Enum.GetValues<Endpoint>())
        {
            var sorted = recorder.Sorted(endpoint);
            total += requests.Contains(endpoint) ? sorted.Length : 0;
            if (sorted.Length == 0)
            {
                continue;
            }

            Console.WriteLine(string.Format(
                Invariant,
                "{0,-28} {1,9:N0} {2,8:F1} {3,8:F1} {4,8:F1} {5,8:F1} {6,8:F1}",
                Name(endpoint), sorted.Length, sorted.Length / sendSeconds, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]));
        }

        Console.WriteLine(string.Format(Invariant, "{0,-28} {1,9:N0} {2,8:F1}", "all requests", total, total / sendSeconds));
    }

    /// <summary>Memory over the sending phase: mean of the first and last quarter of the samples, and the live heap (after the drain: with and without the tool's own records).</summary>
    public static void Memory(IReadOnlyList<MemorySampler.Sample> samples, long liveBefore, long liveAfter, long liveServer)
    {
        if (samples.Count >= 4)
        {
            var quarter = samples.Count / 4;
            var first = samples.Take(quarter).ToList();
            var last = samples.Skip(samples.Count - quarter).ToList();
            Console.WriteLine(string.Format(
                Invariant,
                "memory ({0} samples)          first quarter -> last quarter (mean)",
                samples.Count));
            Console.WriteLine(string.Format(Invariant, "  working set                {0,8:F1} MB -> {1,8:F1} MB ({2:+0.0;-0.0}%)", MB(first.Average(s => s.WorkingSet)), MB(last.Average(s => s.WorkingSet)), Change(first.Average(s => s.WorkingSet), last.Average(s => s.WorkingSet))));
            Console.WriteLine(string.Format(Invariant, "  GC heap (after last GC)    {0,8:F1} MB -> {1,8:F1} MB ({2:+0.0;-0.0}%)", MB(first.Average(s => s.GcHeap)), MB(last.Average(s => s.GcHeap)), Change(first.Average(s => s.GcHeap), last.Average(s => s.GcHeap))));
            Console.WriteLine(string.Format(Invariant, "  working set max            {0,8:F1} MB", MB(samples.Max(s => s.WorkingSet))));
        }

        Console.WriteLine(string.Format(Invariant, "  live heap after full GC    {0,8:F1} MB before load -> {1,8:F1} MB after drain", MB(liveBefore), MB(liveAfter)));
        Console.WriteLine(string.Format(Invariant, "    without the tool's records                  {0,8:F1} MB after drain (per-event reply counts, latency samples released)", MB(liveServer)));
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Name(Endpoint endpoint) => endpoint switch
    {
        Endpoint.Chat => "POST /api/chat",
        Endpoint.SlackEvent => "POST /api/slack/events",
        Endpoint.SlackRetry => "POST /api/slack/events retry",
        _ => "Slack reply (event -> post)",
    };

    private static double MB(double bytes) => bytes / (1024 * 1024);

    private static double Change(double from, double to) => from == 0 ? 0 : (to - from) / from * 100;
}
