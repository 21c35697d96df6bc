using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>What lint checks read: the loaded rules, which rules match each example, and the companion documents.</summary>
public sealed class LintContext
{
    /// <summary>Builds the context; runs every example against every rule once.</summary>
    public LintContext(LoadedRuleSet rules, RuleDocument? idRanges, RuleDocument? ledger, IReadOnlyList<Diagnosis.Model.DiagnosisRule>? diagnosisRules = null)
    {
        DiagnosisRules = diagnosisRules;
        Rules = rules;
        IdRanges = idRanges;
        Ledger = ledger;
        var matches = new List<ExampleMatch>();
        foreach (var owner in rules.Rules)
        {
            foreach (var ex in owner.Descriptor.Examples)
            {
                var facts = rules.Attributor.Facts(ExampleEvents.Build(ex));
                matches.Add(new ExampleMatch(owner, ex, rules.Rules.Where(r => r.Matches(facts)).ToArray()));
            }
        }
        Examples = matches;
    }

    /// <summary>The loaded rule set.</summary>
    public LoadedRuleSet Rules { get; }

    /// <summary><c>ID-RANGES.md</c>, when found.</summary>
    public RuleDocument? IdRanges { get; }

    /// <summary><c>RELEASES.md</c>, when found.</summary>
    public RuleDocument? Ledger { get; }

    /// <summary>The folder's stage-2 diagnosis rules, when loaded (their ids are in the ledger too); null: not checked.</summary>
    public IReadOnlyList<Diagnosis.Model.DiagnosisRule>? DiagnosisRules { get; }

    /// <summary>Every example with the rules that match it.</summary>
    public IReadOnlyList<ExampleMatch> Examples { get; }
}

/// <summary>An example of <paramref name="Owner"/> and every rule that matches it (the owner included).</summary>
public sealed record ExampleMatch(CompiledRule Owner, ExampleCase Example, IReadOnlyList<CompiledRule> Matching);
