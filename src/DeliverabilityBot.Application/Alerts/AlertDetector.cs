using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Incidents;

namespace DeliverabilityBot.Application.Alerts;

/// <summary>
/// Runs the diagnosis rules over a sliding window ending at the newest evidence, for every receiver, sending IP, sender
/// domain and stream the rules scope, against each scope's own baseline (its signal rate over the history before the
/// window), and keeps one incident per scope and diagnosis in the store: opened when a diagnosis fires above baseline
/// with enough volume, updated while it lasts, resolved once it has stayed back at baseline, with enough traffic in its
/// scope to tell (no traffic is not health), for <see cref="AlertOptions.ResolveAfter"/>. All state is in the store, so a restart (or a second run over the same
/// data) changes nothing. One evaluation at a time per detector.
/// </summary>
public sealed class AlertDetector
{
    private readonly WhyService _why;
    private readonly IHistoryStore _store;
    private readonly IIncidentStore _incidents;
    private readonly AlertOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<string, string, IReadOnlyList<string>> _mtaChanges;
    private readonly Lock _gate = new();

    /// <summary>Creates the detector; <paramref name="mtaChanges"/> gives the MTA settings to change for a receiver and diagnosis.</summary>
    public AlertDetector(WhyService why, IHistoryStore store, AlertOptions options, TimeProvider? clock = null,
        Func<string, string, IReadOnlyList<string>>? mtaChanges = null)
    {
        _why = why;
        _store = store;
        _incidents = store.Incidents;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _mtaChanges = mtaChanges ?? ((_, _) => []);
    }

    /// <summary>
    /// Evaluates at <paramref name="at"/> (data time), by default the newest stored evidence (never later than the wall
    /// clock), and stores what changed.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be read or written.</exception>
    public DetectorPass Evaluate(DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            var wall = _clock.GetUtcNow();
            var newest = _store.Reader.LatestEvent();
            if (at is null && newest is null) return DetectorPass.Empty;
            var now = at ?? (newest!.Value < wall ? newest.Value : wall);
            var window = new TimeWindow(now - _options.Window, now.AddSeconds(1));
            var run = _why.Diagnose(null, window, new TimeWindow(window.From - _options.Baseline, window.From));
            var candidates = AlertCandidate.From(run, _options);
            var open = _incidents.Open().ToDictionary(i => i.Key, StringComparer.Ordinal);
            var changes = new List<IncidentChange>();
            foreach (var c in candidates)
            {
                // An open incident is judged against the baseline it opened with: the moving one soon holds the incident itself.
                var raises = open.TryGetValue(c.Key, out var current) ? c.Above(current.BaselineRate, _options) : c.Raises;
                if (!raises) continue;
                if (open.Remove(c.Key, out var existing))
                    changes.Add(new(IncidentChangeKind.Updated, _incidents.Save(Refresh(existing, c, now))));
                else
                    changes.Add(new(IncidentChangeKind.Opened, _incidents.Save(Refresh(Open(c, now), c, now))));
            }
            // Whatever is left no longer fires above baseline. It is quiet only when its scope still has the traffic to
            // tell: no messages is not healthy (a receiver paused, or deferring and not retried yet), so it stays open.
            foreach (var incident in open.Values)
            {
                if (ScopeVolume(run, incident) < _options.MinMessages)
                {
                    if (incident.QuietSince is not null) _incidents.Save(incident with { QuietSince = null });
                    continue;
                }
                var quietSince = incident.QuietSince ?? now;
                if (now - quietSince >= _options.ResolveAfter)
                    changes.Add(new(IncidentChangeKind.Resolved, _incidents.Save(Resolve(incident, quietSince))));
                else if (incident.QuietSince is null)
                    _incidents.Save(incident with { QuietSince = quietSince });
            }
            return new DetectorPass(now, changes);
        }
    }

    // Messages in the window in the incident's scope (attempts where the store has no message rows), as the minimum that
    // opens an incident counts them: its receiver (all of them for "all"), narrowed to the IP or stream.
    private static long ScopeVolume(WindowDiagnosis run, Incident incident)
    {
        var all = incident.Receiver == Rules.Diagnosis.Facts.SignalFactBuilder.AllScope;
        var ip = incident.Scope.StartsWith("ip:", StringComparison.Ordinal) ? incident.Scope["ip:".Length..] : null;
        var stream = incident.Scope.StartsWith("stream:", StringComparison.Ordinal) ? incident.Scope["stream:".Length..] : null;
        if (run.Messages.Count > 0)
            return run.Messages.Where(m => (all || m.Receiver == incident.Receiver) && (ip is null || m.SendingIp == ip) && (stream is null || m.Stream == stream)).Sum(m => m.Count);
        return run.Current.Where(a => (all || a.Receiver == incident.Receiver) && (ip is null || a.SendingIp == ip)).Sum(a => a.Count);
    }

    private Incident Open(AlertCandidate c, DateTimeOffset now) => new()
    {
        Key = c.Key,
        Receiver = c.Receiver,
        Scope = c.Scope,
        DiagnosisId = c.Diagnosis.Id,
        OpenedAt = c.FirstSeen ?? now,
        BaselineRate = c.BaselineRate,
        Severity = c.Severity,
        Category = c.Diagnosis.Category,
        MtaChanges = _mtaChanges(c.Receiver, c.Diagnosis.Id),
    };

    private static Incident Refresh(Incident i, AlertCandidate c, DateTimeOffset now) => i with
    {
        Title = c.Diagnosis.Title,
        LastSeenAt = now,
        QuietSince = null,
        Current = c.Figures,
        Peak = c.Figures.SignalRate >= i.Peak.SignalRate ? c.Figures : i.Peak,
        SendingIps = c.SendingIps,
        Streams = c.Streams,
        Rules = i.Rules.Concat(c.Diagnosis.Rules).Concat(c.Consequences).Distinct(StringComparer.Ordinal).ToList(),
        Actions = c.Diagnosis.Actions.Take(3).ToList(),
    };

    private Incident Resolve(Incident i, DateTimeOffset resolvedAt)
    {
        // The whole episode as one window, against the baseline before it: the totals a person would count in the log.
        var span = new TimeWindow(i.OpenedAt, resolvedAt > i.OpenedAt ? resolvedAt : i.OpenedAt.AddSeconds(1));
        var run = _why.Diagnose(i.Receiver == Rules.Diagnosis.Facts.SignalFactBuilder.AllScope ? null : i.Receiver, span,
            new TimeWindow(span.From - _options.Baseline, span.From));
        var whole = AlertCandidate.From(run, _options).FirstOrDefault(c => c.Key == i.Key);
        return i with { State = IncidentState.Resolved, ResolvedAt = resolvedAt, Totals = whole?.Figures ?? i.Peak };
    }
}
