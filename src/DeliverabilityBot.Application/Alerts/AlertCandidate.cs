using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Store.Reading;

namespace DeliverabilityBot.Application.Alerts;

/// <summary>A fired diagnosis in one scope, with the figures and gates the detector decides on.</summary>
internal sealed record AlertCandidate(
    string Key,
    string Receiver,
    string Scope,
    Core.Diagnosis.Diagnosis Diagnosis,
    string Severity,
    IncidentFigures Figures,
    double BaselineRate,
    bool Raises,
    DateTimeOffset? FirstSeen,
    IReadOnlyList<string> SendingIps,
    IReadOnlyList<string> Streams,
    IReadOnlyList<string> Consequences)
{
    /// <summary><c>receiver|scope|diagnosis</c>.</summary>
    public static string KeyOf(string receiver, string scope, string diagnosisId) => $"{receiver}|{scope}|{diagnosisId}";

    /// <summary>
    /// The run's diagnoses as candidates. The fallback ("no systemic problem") is none; a consequence (queue expiries
    /// after a deferral episode) joins its cause's incident as a rule id instead of paging on its own.
    /// </summary>
    public static IReadOnlyList<AlertCandidate> From(WindowDiagnosis run, AlertOptions options)
    {
        var fired = run.Outcome.Diagnoses.Where(r => !r.Fact.Rule.Fallback).ToList();
        var causes = fired.Where(r => r.Diagnosis.CausedBy is null).ToList();
        return causes.Select(r =>
        {
            var f = r.Fact;
            var consequences = fired.Where(x => x.Diagnosis.CausedBy is { } by && by.Id == r.Diagnosis.Id && by.Scope == r.Diagnosis.Scope
                                                 && x.Fact.Receiver == f.Receiver)
                .Select(x => x.Diagnosis.Id).ToList();
            var figures = new IncidentFigures((long)(f.SignalMessages ?? f.SignalCount), (long)(f.Messages ?? f.Attempts), (long)f.SignalCount, (long)f.Attempts, f.SignalRate);
            // Too little history to know the scope's normal (a new store, IP or stream): the baseline is unknown, not 0,
            // or a receiver that always defers a little would page until its history fills in and then resolve by
            // itself. Until then only a diagnosis its rule calls an error opens on the rule's own thresholds.
            var known = f.PreviousAttempts >= options.MinMessages;
            var baseline = known ? f.PreviousSignalRate : Incident.UnknownBaseline;
            var floor = known ? baseline : 0;
            var raises = figures.Messages >= options.MinMessages
                         && (known || f.Rule.Severity == Core.Classification.RuleSeverity.Error)
                         && figures.SignalRate >= floor * options.BaselineFactor
                         && figures.SignalRate - floor >= options.MinRise;
            return new AlertCandidate(KeyOf(f.Receiver, f.Scope, r.Diagnosis.Id), f.Receiver, f.Scope, r.Diagnosis,
                f.Rule.Severity.ToString().ToLowerInvariant(), figures, baseline, raises, f.FirstSeen,
                IpsOf(run.Current, r), StreamsOf(run.Messages, r), consequences);
        }).ToList();
    }

    /// <summary>Enough messages, and the rate at least the factor times <paramref name="baseline"/> and the rise above it (unknown: 0).</summary>
    public bool Above(double baseline, AlertOptions options)
    {
        var floor = Math.Max(0, baseline);
        return Figures.Messages >= options.MinMessages
               && Figures.SignalRate >= floor * options.BaselineFactor
               && Figures.SignalRate - floor >= options.MinRise;
    }

    private static IReadOnlyList<string> IpsOf(IReadOnlyList<AggregateSlice> slices, RankedDiagnosis r) => slices
        .Where(s => InSignal(s.Receiver, s.RuleSetId, r) && s.SendingIp is not null && (r.Fact.ScopeIp is null || s.SendingIp == r.Fact.ScopeIp))
        .GroupBy(s => s.SendingIp!, StringComparer.Ordinal)
        .OrderByDescending(g => g.Sum(s => s.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key).ToList();

    private static IReadOnlyList<string> StreamsOf(IReadOnlyList<MessageSlice> slices, RankedDiagnosis r) => slices
        .Where(s => s.Affected && InSignal(s.Receiver, s.RuleSetId, r) && s.Stream is not null)
        .GroupBy(s => s.Stream!, StringComparer.Ordinal)
        .OrderByDescending(g => g.Sum(s => s.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key).ToList();

    private static bool InSignal(string receiver, long ruleSetId, RankedDiagnosis r) =>
        (r.Fact.Receiver == Rules.Diagnosis.Facts.SignalFactBuilder.AllScope || receiver == r.Fact.Receiver) && r.Fact.RuleSetIds.Contains(ruleSetId);
}
