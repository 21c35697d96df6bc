using System.Diagnostics;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.HistoryBench;

/// <summary>
/// Times the phases of an ingest separately in one process, each a full pass over the log: start-up (rule set
/// load and compile, store open), reading lines, parsing them into events, classifying and mapping the events,
/// and the whole ingest into a fresh store. Tells where the end-to-end time goes before anything is optimised.
/// </summary>
internal static class PhaseTimer
{
    public static int Run(string[] args)
    {
        var log = Args.Get(args, "--log", "postfix.log");
        var data = Args.Get(args, "--data", Path.Combine(Path.GetTempPath(), $"dbot-phases-{Environment.ProcessId}"));
        foreach (var d in new[] { data, data + "-whole" })
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        long lines = 0, events = 0;

        var clock = Stopwatch.StartNew();
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { DataDirectory = data });
        var ingest = runtime.CreateIngest();
        _ = runtime.Store;
        Report("start-up (rules compiled, store opened)", clock, 0);

        foreach (var _ in File.ReadLines(log)) lines++;
        Report("read lines", clock, lines);

        for (var pass = 1; pass <= (Environment.GetEnvironmentVariable("PARSE_ONLY") is null ? 3 : 8); pass++)
        {
            events = 0;
            foreach (var _ in new MtaLogParser().Parse(File.ReadLines(log), log, 2026)) events++;
            Report($"read + parse ({events:N0} events), pass {pass}", clock, lines);
            if (Environment.GetEnvironmentVariable("PARSE_ONLY") is not null && pass == 8) return 0;
        }

        var classifier = new Application.Classification.SummaryClassifier(runtime.ActiveRules.Classifier);
        var now = DateTimeOffset.UtcNow;
        var parsed = new EvidenceFileReader().Read(log).SelectMany(r => r.Events).ToList();
        Report($"read + parse into a list", clock, lines);
        var summaries = new List<Application.Classification.ClassificationSummary>(parsed.Count);
        foreach (var e in parsed) summaries.Add(classifier.Classify(e));
        Report($"classify ({parsed.Count:N0} events, {classifier.Misses:N0} classified, the rest remembered)", clock, lines);
        var mapped = new List<Store.Model.StoredEvent>(parsed.Count);
        for (var i = 0; i < parsed.Count; i++) mapped.Add(StoredEventMapper.Map(parsed[i], summaries[i], now));
        Report($"map to stored rows", clock, lines);
        parsed = null;
        summaries = null;

        using (var writer = runtime.Store.CreateWriter())
        {
            foreach (var e in mapped) writer.Add(e);
            writer.Flush();
        }
        Report($"store writes only, {mapped.Count:N0} events into a new store", clock, lines);
        mapped = null;
        // A second, fresh store for the whole ingest (the first one's pooled connections stay open).
        var first = data;
        data += "-whole";
        runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { DataDirectory = data });
        ingest = runtime.CreateIngest();
        _ = runtime.Store;
        Report("second start-up (new runtime and store)", clock, 0);

        var summary = ingest.Ingest([log]);
        Report($"whole ingest into a new store ({summary.Stored:N0} stored)", clock, lines);
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        Directory.Delete(data, recursive: true);
        Directory.Delete(first, recursive: true);
        return 0;
    }

    private static TimeSpan _cpuBefore;


    // CPU time beside wall time: on a shared machine the wall time of a phase says more about the neighbours.
    private static void Report(string phase, Stopwatch clock, long lines)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var cpuSeconds = (cpu - _cpuBefore).TotalSeconds;
        var rate = lines == 0 ? "" : $"{lines / clock.Elapsed.TotalSeconds,10:N0} lines/s";
        Console.WriteLine($"{phase,-66} {clock.Elapsed.TotalSeconds,6:0.00} s wall {cpuSeconds,6:0.00} s CPU {rate}");
        _cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
    }
}
