using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>The result of loading rule files: the rules of every clean file, and all diagnostics.</summary>
public sealed class LoadedRuleSet
{
    /// <summary>Files without errors, in load order.</summary>
    public required IReadOnlyList<RuleFile> Files { get; init; }

    /// <summary>Display paths of files excluded because of errors.</summary>
    public required IReadOnlyList<string> ExcludedFiles { get; init; }

    /// <summary>The compiled rules of the clean files, in load order.</summary>
    public required IReadOnlyList<CompiledRule> Rules { get; init; }

    /// <summary>Every diagnostic, sorted by file, line, column.</summary>
    public required IReadOnlyList<RuleDiagnostic> Diagnostics { get; init; }

    /// <summary>Receiver attribution built from the clean files' receiver blocks.</summary>
    public required ReceiverAttributor Attributor { get; init; }

    /// <summary>Every receiver and filter the clean files declare (their <c>receiver:</c> and <c>filter:</c> blocks).</summary>
    public Core.Vocabulary.IReceiverRegistry Receivers { get; init; } = Core.Vocabulary.ReceiverRegistry.Empty;

    /// <summary>Where regex timeouts of these rules are reported.</summary>
    public required MatchTimeoutSink Timeouts { get; init; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>A rule by id (case-insensitive), or null.</summary>
    public CompiledRule? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
