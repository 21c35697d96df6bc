using System.Globalization;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>The end-of-ingest summary.</summary>
internal static class IngestSummaryWriter
{
    public static void Write(TextWriter w, IngestSummary s, IHistoryStore store)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 0.001);
        var mix = string.Join(", ", s.ByAction.OrderByDescending(p => p.Value).Select(p => string.Create(inv, $"{p.Value:N0} {p.Key}")));
        w.WriteLine(string.Create(inv, $"Ingested {s.Files:N0} file(s), {s.Bytes / 1024.0 / 1024.0:0.0} MB in {seconds:0.0} s: {s.EventsRead:N0} events read{(mix.Length > 0 ? $" ({mix})" : "")}."));
        w.WriteLine(string.Create(inv, $"Stored {s.Stored:N0} new, {s.Duplicates:N0} already stored{(s.Expired > 0 ? $", {s.Expired:N0} removed by retention" : "")}."));
        w.WriteLine(string.Create(inv, $"History: {store.Location} ({store.Reader.EventCount():N0} events). Next: dbot why icloud"));
    }
}
