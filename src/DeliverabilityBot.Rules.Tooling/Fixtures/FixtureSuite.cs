using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Fixtures;

/// <summary>The result of running every fixture of a folder: outcomes, diagnostics (DBR02xx) and rule coverage.</summary>
public sealed record FixtureSuiteResult(IReadOnlyList<FixtureOutcome> Outcomes, IReadOnlyList<RuleDiagnostic> Diagnostics, FixtureCoverage Coverage);

/// <summary>Which rules have a positive fixture (listed under an event's rules) and a near-miss negative (mustNotFire).</summary>
/// <param name="Rules">Rule ids checked.</param>
/// <param name="Positive">Ids with a positive fixture.</param>
/// <param name="Negative">Ids with a near-miss negative.</param>
public sealed record FixtureCoverage(IReadOnlyList<string> Rules, IReadOnlySet<string> Positive, IReadOnlySet<string> Negative)
{
    /// <summary>"coverage: 125/125 rules with a positive fixture (100.0%), 120/125 with a near-miss negative (96.0%)".</summary>
    public override string ToString()
    {
        double Pct(int n) => Rules.Count == 0 ? 100 : 100.0 * n / Rules.Count;
        var pos = Rules.Count(Positive.Contains);
        var neg = Rules.Count(Negative.Contains);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"coverage: {pos}/{Rules.Count} rules with a positive fixture ({Pct(pos):F1}%), {neg}/{Rules.Count} with a near-miss negative ({Pct(neg):F1}%)");
    }
}

/// <summary>Runs all fixtures under a folder and checks coverage: a rule without a positive fixture is an error.</summary>
public static class FixtureSuite
{
    /// <summary>Runs every fixture under <paramref name="directory"/> against <paramref name="rules"/>.</summary>
    public static FixtureSuiteResult Run(string directory, LoadedRuleSet rules, IBounceClassifier classifier, EvidenceParser parse)
    {
        var bag = new DiagnosticBag();
        var runner = new FixtureRunner(classifier, rules, parse);
        var outcomes = new List<FixtureOutcome>();
        var known = rules.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var positive = new HashSet<string>(StringComparer.Ordinal);
        var negative = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in FixtureReader.Find(directory))
        {
            if (FixtureReader.Read(path, bag) is not { } fixture) continue;
            foreach (var (id, at) in fixture.Events.SelectMany(e => e.Rules.Select(r => (r, e.Location))).Concat(fixture.MustNotFire.Select(r => (r, fixture.MustNotFireLocation))))
                if (!known.Contains(id)) bag.Report(DiagnosticCatalog.FixtureUnknownRule, at, $"fixture {fixture.InputPath} names rule '{id}', which no loaded rule has");
            var outcome = runner.Run(fixture);
            outcomes.Add(outcome);
            positive.UnionWith(fixture.Events.SelectMany(e => e.Rules));
            negative.UnionWith(fixture.MustNotFire);
            if (!outcome.Passed)
                bag.Report(DiagnosticCatalog.FixtureFailed, fixture.Events.Count > 0 ? fixture.Events[0].Location : SourceLocation.InFile(path),
                    $"fixture {fixture.InputPath} ({fixture.Description}):{Environment.NewLine}    " + string.Join(Environment.NewLine + "    ", outcome.Failures));
        }
        foreach (var rule in rules.Rules)
        {
            if (!positive.Contains(rule.Id))
                bag.Report(DiagnosticCatalog.NoPositiveFixture, rule.Descriptor.IdLocation, $"rule {rule.Id} has no positive fixture under {directory}");
            else if (!negative.Contains(rule.Id))
                bag.Report(DiagnosticCatalog.NoNegativeFixture, rule.Descriptor.IdLocation, $"rule {rule.Id} has no near-miss negative fixture (mustNotFire) under {directory}");
        }
        return new FixtureSuiteResult(outcomes, bag.Items, new FixtureCoverage(rules.Rules.Select(r => r.Id).ToArray(), positive, negative));
    }
}
