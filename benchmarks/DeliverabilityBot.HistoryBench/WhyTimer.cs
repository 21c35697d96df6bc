using System.Diagnostics;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Windows;

namespace DeliverabilityBot.HistoryBench;

/// <summary>Times warm <c>why</c> calls in one process over an existing store; prints p50/p95/max and peak memory.</summary>
internal static class WhyTimer
{
    public static int Run(string[] args)
    {
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions
        {
            DataDirectory = Args.Get(args, "--data", "bench-data"),
            StoreConnectionString = Args.Get(args, "--store", "") is { Length: > 0 } store ? store : null,
        });
        var runs = (int)Args.Long(args, "--runs", 50);
        var receiver = Args.Get(args, "--receiver", "icloud");
        var receiverId = receiver == "all" ? null : ReceiverNames.Normalize(receiver, runtime.Receivers);
        var events = runtime.Store.Reader.EventCount();
        var messages = runtime.Store.Reader.MessageCount();
        var window = WindowSpec.Anchored(WindowSpec.DefaultLength, runtime.Store.Reader.LatestEvent(), DateTimeOffset.UtcNow);
        for (var i = 0; i < 3; i++) runtime.Why.Why(receiverId, window); // warm-up: rule compilation, JIT, page cache
        var times = new List<double>(runs);
        var top = "";
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var (report, _) = runtime.Why.Why(receiverId, window);
            times.Add(clock.Elapsed.TotalMilliseconds);
            top = $"{report.Diagnoses.FirstOrDefault()?.Id ?? "-"} ({report.Messages.Affected:N0} of {report.Messages.Total:N0} messages affected in the window)";
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine($"why {receiver} ({runtime.Store.Location}): {events:N0} stored events, {messages:N0} stored messages, window {window.From:u}..{window.To:u}, {runs} warm runs: p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, max {times[^1]:0.0} ms; top {top}; peak working set {peakMb:0} MB");
        return 0;
    }
}
