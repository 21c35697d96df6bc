using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Server.Demo;

namespace DeliverabilityBot.Server.Tests.Demo;

/// <summary>The demo day ingested as <c>--demo</c> ingests it (with its MTA config), then "why is iCloud deferring us?".</summary>
public sealed class DemoDayWhyTests
{
    [Fact]
    public void Why_DemoDayICloud_NamesTheProofpointBlockedIpAtIpScopeAndKeepsCausesFirst()
    {
        var folder = Directory.CreateTempSubdirectory("dbot-demo-why-").FullName;
        try
        {
            var end = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
            var log = Path.Combine(folder, "demo-mta.log");
            File.WriteAllText(log, DemoLog.ToText(DemoLog.Generate(end)));
            var sending = SendingMapLoader.Load([DemoLog.WriteMtaConfig(Path.Combine(folder, "mta"))], null, new List<string>());
            var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { DataDirectory = Path.Combine(folder, "data"), RetentionDays = 0 });
            runtime.CreateIngest(sending).Ingest([log]);
            var window = WindowSpec.Anchored(WindowSpec.DefaultLength, runtime.Store.Reader.LatestEvent(), end);

            var (report, trace) = runtime.Why.Why("icloud", window);
            var seen = string.Join("\n", report.Diagnoses.Select(d => $"{d.Id} {d.Scope} {d.Title}"))
                + "\n" + string.Join("\n", trace.Entries.Where(t => t.RuleId is "DIAG1011" or "DIAG1001").Select(t => $"{t.RuleId} {t.Scope} {t.Fired} {string.Join("; ", t.Conditions.Select(c => c.Condition))}"));
            Assert.True(report.Diagnoses.Any(d => d.Scope == "ip:" + DemoLog.SendingIp), seen);

            // Receiver-wide the blocks are a small share; at the IP's scope they are all of its iCloud mail.
            var ip = Assert.Single(report.Diagnoses, d => d.Scope == "ip:" + DemoLog.SendingIp);
            Assert.Equal("DIAG1011", ip.Id);
            Assert.Contains("Proofpoint", ip.Title, StringComparison.Ordinal);
            Assert.Contains("other", ip.Title, StringComparison.Ordinal);
            Assert.DoesNotContain(report.Diagnoses, d => d.Id == "DIAG1001");
            foreach (var (d, i) in report.Diagnoses.Select((d, i) => (d, i)).Where(x => x.d.CausedBy is not null))
                Assert.InRange(report.Diagnoses.ToList().FindIndex(x => x.Id == d.CausedBy!.Id && x.Scope == d.CausedBy.Scope), 0, i - 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
