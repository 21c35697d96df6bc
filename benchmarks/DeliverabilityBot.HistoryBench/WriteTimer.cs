using System.Diagnostics;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.HistoryBench;

/// <summary>
/// The store writes alone, repeated: a log is parsed, classified and mapped once, then written into a fresh store
/// <c>--passes</c> times, each pass timed by the writing thread's own CPU time. On a shared machine the least of
/// several passes is the steadiest figure for comparing writer changes.
/// </summary>
internal static class WriteTimer
{
    public static int Run(string[] args)
    {
        var log = Args.Get(args, "--log", "postfix.log");
        var passes = int.Parse(Args.Get(args, "--passes", "3"), System.Globalization.CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), $"dbot-writes-{Environment.ProcessId}");
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { DataDirectory = root + "-rules" });
        var classifier = new SummaryClassifier(runtime.ActiveRules.Classifier);
        var now = DateTimeOffset.UtcNow;
        var rows = new List<StoredEvent>();
        foreach (var e in new EvidenceFileReader().Read(log).SelectMany(r => r.Events)) rows.Add(StoredEventMapper.Map(e, classifier.Classify(e), now));
        for (var pass = 1; pass <= passes; pass++)
        {
            var folder = $"{root}-{pass}";
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            var store = DeliverabilityStore.Open(new StoreOptions { DataDirectory = folder });
            GC.Collect();
            var cpu = ThreadCpu();
            var clock = Stopwatch.StartNew();
            using (var writer = store.CreateWriter())
            {
                foreach (var e in rows) writer.Add(e);
                writer.Flush();
            }
            Console.WriteLine($"writes pass {pass}: {rows.Count:N0} events, {clock.Elapsed.TotalSeconds:0.00} s wall, {(ThreadCpu() - cpu).TotalSeconds:0.00} s thread CPU, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        if (Directory.Exists(root + "-rules")) Directory.Delete(root + "-rules", recursive: true);
        return 0;
    }

    // The calling thread's CPU time (user + system), from /proc on Linux; the process's elsewhere.
    private static TimeSpan ThreadCpu()
    {
        const string self = "/proc/thread-self/stat";
        if (!File.Exists(self)) return Process.GetCurrentProcess().TotalProcessorTime;
        var stat = File.ReadAllText(self);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
