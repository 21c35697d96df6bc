using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Rules.Diagnosis.Facts;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Reading;

namespace DeliverabilityBot.Application.Diagnosis;

/// <summary>
/// "Why is RECEIVER deferring us?": reads the window's and the previous window's aggregates, runs the diagnosis
/// rules, and attaches example bounces from the store to each diagnosis. Thread-safe.
/// </summary>
public sealed class WhyService
{
    private const int ExamplesPerDiagnosis = 3;
    private readonly IHistoryStore _store;
    private readonly DiagnosisEngine _engine;
    private readonly Rules.Mta.MtaThrottleSet? _mta;

    /// <summary>Creates the service.</summary>
    public WhyService(IHistoryStore store, DiagnosisEngine engine, Rules.Mta.MtaThrottleSet? mta = null)
    {
        _mta = mta;
        _store = store;
        _engine = engine;
    }

    /// <summary>The report and the trace of which rules fired on which facts.</summary>
    public (WhyReport Report, DiagnosisTrace Trace) Why(string? receiver, TimeWindow window)
    {
        var reader = _store.Reader;
        var (current, messages, outcome) = Diagnose(receiver, window, window.Previous);
        var diagnoses = current.Count == 0 ? [] : outcome.Diagnoses.Select(d => WithExamples(d, reader, window, _mta)).ToList();
        var report = new WhyReport
        {
            Receiver = receiver,
            Window = window,
            Messages = StoreReader.Count(messages),
            Attempts = current.Sum(s => s.Count),
            Delivered = current.Where(s => s.Action is DeliveryAction.Delivered or DeliveryAction.Relayed).Sum(s => s.Count),
            Deferred = current.Where(s => s.Action == DeliveryAction.Delayed).Sum(s => s.Count),
            Bounced = current.Where(s => s.Action == DeliveryAction.Failed).Sum(s => s.Count),
            Diagnoses = diagnoses,
        };
        return (report, outcome.Trace);
    }

    /// <summary>
    /// The engine over <paramref name="window"/> against <paramref name="baseline"/> (the rules' "previous window"; the
    /// alert detector passes a longer history, so previous rates are the scope's baseline), with the slices it read.
    /// </summary>
    internal WindowDiagnosis Diagnose(string? receiver, TimeWindow window, TimeWindow baseline)
    {
        var reader = _store.Reader;
        var current = reader.Slices(window, receiver);
        var previous = reader.Slices(baseline, receiver);
        var messages = reader.Messages(window, receiver);
        var outcome = _engine.Diagnose(new DiagnosisInput
        {
            Receiver = receiver,
            Window = window,
            Current = current.Select(ToRow).ToList(),
            Previous = previous.Select(ToRow).ToList(),
            Messages = messages.Select(ToRow).ToList(),
            DrillDown = new StoreDrillDown(reader, window),
        });
        return new WindowDiagnosis(current, messages, outcome);
    }

    private static Core.Diagnosis.Diagnosis WithExamples(RankedDiagnosis ranked, IHistoryReader reader, TimeWindow window, Rules.Mta.MtaThrottleSet? mta)
    {
        var d = ranked.Diagnosis;
        var f = ranked.Fact;
        var receiver = f.Receiver == SignalFactBuilder.AllScope ? null : f.Receiver;
        var examples = f.RuleSetIds.Count == 0 ? [] : reader.Examples(window, receiver, f.RuleSetIds, ExamplesPerDiagnosis, f.ScopeIp);
        return new Core.Diagnosis.Diagnosis
        {
            Id = d.Id, Title = d.Title, Category = d.Category, Confidence = d.Confidence, Scope = d.Scope,
            Evidence = new DiagnosisEvidence { Figures = d.Evidence.Figures, Examples = examples, FirstSeen = d.Evidence.FirstSeen, LastSeen = d.Evidence.LastSeen },
            Explanation = d.Explanation,
            // What to change in the MTA, in its own terms, after the rule's own actions (rules/mta/*.yaml).
            Actions = mta is null || receiver is null ? d.Actions : [.. d.Actions, .. mta.Changes(receiver, d.Id)], Rules = d.Rules, References = d.References, Score = d.Score,
            Affected = d.Affected, CausedBy = d.CausedBy,
        };
    }

    private static MessageRow ToRow(MessageSlice s) => new(
        s.Receiver, s.SendingIp, s.SenderDomain, s.Stream, s.Outcome, s.Affected, s.RuleSet.Length == 0 ? [] : s.RuleSet.Split(' '), s.RuleSetId, s.Count);

    private static AggregateRow ToRow(AggregateSlice s) => new(
        s.Receiver, s.Action, s.Reason, s.Category, s.Filter, s.RuleSet.Length == 0 ? [] : s.RuleSet.Split(' '), s.RuleSetId,
        s.SendingIp, s.SenderDomain, s.Count, s.FirstSeen, s.LastSeen);
}

/// <summary>What one engine run read and concluded.</summary>
internal sealed record WindowDiagnosis(IReadOnlyList<AggregateSlice> Current, IReadOnlyList<MessageSlice> Messages, DiagnosisOutcome Outcome);
