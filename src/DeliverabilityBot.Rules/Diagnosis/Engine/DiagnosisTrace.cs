namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>Why each diagnosis rule did or did not conclude, for <c>--explain</c>.</summary>
/// <param name="Entries">One entry per rule and scope that had a signal (fired or not), fired first.</param>
public sealed record DiagnosisTrace(IReadOnlyList<TraceEntry> Entries);

/// <summary>One rule on one scope's facts.</summary>
/// <param name="RuleId">The diagnosis rule.</param>
/// <param name="Scope">The scope of the fact.</param>
/// <param name="Fired">True when NRules fired the rule on this fact.</param>
/// <param name="Conditions">Each threshold with the fact's value and whether it held.</param>
/// <param name="Facts">The fact's main numbers (signal with denominators).</param>
/// <param name="SignalRules">Classification rules behind the signal, most attempts first.</param>
public sealed record TraceEntry(string RuleId, string Scope, bool Fired, IReadOnlyList<TraceCondition> Conditions, IReadOnlyList<(string Name, string Value)> Facts, IReadOnlyList<string> SignalRules);

/// <summary>A threshold as evaluated.</summary>
/// <param name="Condition">The threshold as a sentence, e.g. <c>share of the attempts deferred: at least 5.0% (here 31.0%)</c>.</param>
/// <param name="Value">The fact's value, formatted.</param>
/// <param name="Held">Whether it held.</param>
/// <param name="Expression">The threshold as the rule file writes it (<c>signalRate &gt;= 0.05</c>), for rule authors' JSON.</param>
public sealed record TraceCondition(string Condition, string Value, bool Held, string Expression);
