using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Loading;
using RulesEngine.Models;
using Engine = RulesEngine.RulesEngine;

namespace DeliverabilityBot.Benchmarks.RulesEngine;

/// <summary>
/// Microsoft RulesEngine 6 running the translated workflow: every rule's expression on the event (RulesEngine has no
/// index), returning the ids of the rules that hold. Receiver attribution is the product's, done before (same input).
/// </summary>
public sealed class RulesEngineClassifier
{
    private readonly Engine engine;
    private readonly LoadedRuleSet ruleSet;

    /// <summary>Translates and compiles the rule set.</summary>
    public RulesEngineClassifier(LoadedRuleSet ruleSet)
    {
        this.ruleSet = ruleSet;
        Translation = WorkflowTranslator.Translate(ruleSet);
        engine = new Engine([Translation.Workflow], new ReSettings { CustomTypes = [typeof(RegexCall)] });
    }

    /// <summary>The translation (and what it left out).</summary>
    public WorkflowTranslator.Translation Translation { get; }

    /// <summary>The flat input of one event (the product's attribution).</summary>
    public FlatFacts Input(BounceEvent bounce) => FlatFacts.From(ruleSet.Attributor.Facts(bounce));

    /// <summary>Runs every rule on the input; the results as RulesEngine returns them.</summary>
    public List<RuleResultTree> Execute(FlatFacts input) =>
        engine.ExecuteAllRulesAsync(WorkflowTranslator.WorkflowName, new RuleParameter("f", input)).GetAwaiter().GetResult();

    /// <summary>The ids of the rules that hold for <paramref name="bounce"/>.</summary>
    public IEnumerable<string> Matching(BounceEvent bounce) =>
        Execute(Input(bounce)).Where(r => r.IsSuccess).Select(r => r.Rule.RuleName);
}
