using System.Globalization;
using DeliverabilityBot.Core.Alerts;

namespace DeliverabilityBot.Application.Alerts;

/// <summary>
/// The words of an incident, shared by the CLI and the channel renderers so every surface says the same: a headline
/// (what, since when, how much), the detail lines (IPs, streams, rules, first actions, MTA changes) and the resolution.
/// Plain text; renderers escape it for their markup.
/// </summary>
public static class IncidentText
{
    /// <summary><c>OPEN DIAG1002 receiver:icloud: iCloud is deferring ... since 07:00Z (45m): 31% of attempts (...)</c>.</summary>
    public static string Headline(Incident i)
    {
        var state = i.State == IncidentState.Resolved ? "RESOLVED" : i.Acknowledged is null ? "OPEN" : "ACKNOWLEDGED";
        var figures = i.State == IncidentState.Resolved ? i.Totals ?? i.Peak : i.Current;
        return $"{state} {i.DiagnosisId} {i.Scope}: {i.Title}. Since {Time(i.OpenedAt)} ({Length(i.Duration())}): {figures}; {Baseline(i)}.";
    }

    /// <summary>The lines under the headline.</summary>
    public static IReadOnlyList<string> Details(Incident i)
    {
        var lines = new List<string>();
        if (i.SendingIps.Count > 0) lines.Add("Sending IPs: " + string.Join(", ", i.SendingIps));
        if (i.Streams.Count > 0) lines.Add("Streams: " + string.Join(", ", i.Streams));
        lines.Add($"Peak: {i.Peak}");
        lines.Add("Rules: " + string.Join(", ", i.Rules));
        lines.AddRange(i.Actions.Select((a, n) => $"{n + 1}. {a}"));
        lines.AddRange(i.MtaChanges.Select(m => "MTA: " + m));
        return lines;
    }

    /// <summary>The thread reply when the rate moved: <c>Now 42% of attempts (...), was 31%.</c></summary>
    public static string Update(Incident i, double previousRate) =>
        $"Now {i.Current}, was {Percent(previousRate)} of attempts (data time {Time(i.LastSeenAt)}).";

    /// <summary>The resolved message: duration and totals.</summary>
    public static string Resolved(Incident i) =>
        $"Resolved: {i.DiagnosisId} {i.Scope} back to baseline at {Time(i.ResolvedAt ?? i.LastSeenAt)} after {Length(i.Duration())}; " +
        $"in all {i.Totals ?? i.Peak}; peak {Percent(i.Peak.SignalRate)}.";

    /// <summary><c>2026-11-20 07:00Z</c>.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>1h 25m</c>.</summary>
    public static string Length(TimeSpan t) => t.TotalMinutes < 60
        ? $"{Math.Max(0, (int)t.TotalMinutes)}m"
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h {t.Minutes}m");

    private static string Baseline(Incident i) =>
        i.BaselineRate < 0 ? "baseline unknown (too little history before)" : "baseline " + Percent(i.BaselineRate);

    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
