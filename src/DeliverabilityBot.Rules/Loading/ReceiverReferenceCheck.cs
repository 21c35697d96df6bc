using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Checks every receiver a rule names (its conclusion and its <c>receiver:</c> conditions) against the receivers the
/// loaded files declare in their <c>receiver:</c> blocks: the YAML registry is the only list of receivers. A block in a
/// file that has other errors still counts, so one broken file does not make every rule naming its receiver an error.
/// </summary>
internal static class ReceiverReferenceCheck
{
    /// <summary>Reports DBR0010 at each reference to a receiver no block declares.</summary>
    public static void Check(IReadOnlyList<(RuleFile? File, DiagnosticBag Bag)> files)
    {
        var declared = new HashSet<string>(ReceiverIds.BuiltIn, StringComparer.Ordinal);
        foreach (var (file, _) in files)
            if (file?.Receiver is { IsReceiver: true } block) declared.Add(block.Id);
        // A receiver inherited from the file's defaults: is written once; report it once, at the default's line.
        var reported = new HashSet<(SourceLocation, string)>();
        foreach (var (file, bag) in files)
        {
            if (file is null) continue;
            foreach (var rule in file.Rules)
            {
                if (rule.Receiver is { } r && !declared.Contains(r) && reported.Add((rule.ReceiverLocation ?? rule.Location, r)))
                    Report(bag, rule.ReceiverLocation ?? rule.Location, r, $"the conclusion of rule {rule.Id}", declared);
                foreach (var leaf in ReceiverLeaves(rule.Match))
                    foreach (var v in leaf.Values)
                        if (!declared.Contains(v) && reported.Add((leaf.Location, v))) Report(bag, leaf.Location, v, $"{leaf.Path} of rule {rule.Id}", declared);
            }
        }
    }

    private static void Report(DiagnosticBag bag, SourceLocation at, string id, string where, IReadOnlySet<string> declared) =>
        bag.Report(DiagnosticCatalog.UnknownReceiver, at,
            $"unknown receiver '{id}' in {where}: no receiver block in rules/receivers or rules/filters declares it{DidYouMean.Hint(id, declared)}");

    private static IEnumerable<LeafCondition> ReceiverLeaves(Condition c) => c switch
    {
        LeafCondition { Field: "receiver" } leaf => [leaf],
        AllCondition all => all.Children.SelectMany(ReceiverLeaves),
        AnyCondition any => any.Children.SelectMany(ReceiverLeaves),
        NotCondition not => ReceiverLeaves(not.Child),
        _ => [],
    };
}
