using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Benchmarks.RulesEngine;

/// <summary>
/// Checks that RulesEngine selects the same rule ids as the product classifier on the benchmark's events (as sets; rules
/// the translation left out or whose expression RulesEngine could not compile are excluded from both sides and counted).
/// </summary>
public static class RulesEngineAgreement
{
    /// <summary>The outcome: events compared, events agreeing, rules excluded, and the first disagreements.</summary>
    public sealed record Result(int Events, int Agreeing, int Translated, IReadOnlyList<string> Excluded, IReadOnlyList<string> Disagreements)
    {
        /// <summary>One line for the benchmark log and the README.</summary>
        public override string ToString() =>
            $"RulesEngine agreement: {Agreeing:N0} of {Events:N0} events select the same rule ids as the product "
            + $"({Translated} rules translated, {Excluded.Count} excluded{(Excluded.Count > 0 ? ": " + string.Join(", ", Excluded) : "")})"
            + (Disagreements.Count > 0 ? Environment.NewLine + string.Join(Environment.NewLine, Disagreements) : "");
    }

    /// <summary>Compares on <paramref name="events"/>.</summary>
    public static Result Check(RulesEngineClassifier peer, PredicateLoopClassifier product, IReadOnlyList<BounceEvent> events)
    {
        var excluded = peer.Translation.Untranslated.Select(u => $"{u.RuleId} ({u.Why})").ToList();
        var excludedIds = peer.Translation.Untranslated.Select(u => u.RuleId).ToHashSet(StringComparer.Ordinal);

        // A rule RulesEngine cannot compile reports the error on every event: find them on the first.
        if (events.Count > 0)
        {
            foreach (var failed in peer.Execute(peer.Input(events[0])).Where(r => !string.IsNullOrEmpty(r.ExceptionMessage)))
            {
                excludedIds.Add(failed.Rule.RuleName);
                excluded.Add($"{failed.Rule.RuleName} ({failed.ExceptionMessage})");
            }
        }

        var agreeing = 0;
        var disagreements = new List<string>();
        foreach (var e in events)
        {
            var ours = product.Classify(e).Findings.Select(f => f.RuleId).Where(id => !excludedIds.Contains(id)).ToHashSet(StringComparer.Ordinal);
            var theirs = peer.Matching(e).Where(id => !excludedIds.Contains(id)).ToHashSet(StringComparer.Ordinal);
            if (ours.SetEquals(theirs))
            {
                agreeing++;
            }
            else if (disagreements.Count < 10)
            {
                disagreements.Add($"  '{e.Reply.Text}' to {e.RecipientDomain}: product [{string.Join(",", ours)}] RulesEngine [{string.Join(",", theirs)}]");
            }
        }

        return new Result(events.Count, agreeing, peer.Translation.Workflow.Rules.Count() - (excludedIds.Count - peer.Translation.Untranslated.Count), excluded, disagreements);
    }
}
