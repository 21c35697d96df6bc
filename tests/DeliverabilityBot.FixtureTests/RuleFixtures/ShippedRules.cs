using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Fixtures;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.FixtureTests.RuleFixtures;

/// <summary>The repository's rules/ folder, loaded once, and a fixture runner over it.</summary>
internal static class ShippedRules
{
    private static readonly Lazy<LoadedRuleSet> Set = new(() => RuleSetLoader.Load(RuleSources.FromDirectory(TestPaths.InRepo("rules"))));
    private static readonly Lazy<FixtureRunner> LazyRunner = new(() => new FixtureRunner(new NRulesBounceClassifier(Rules), Rules, TextEvidenceParser.Parse));

    public static LoadedRuleSet Rules => Set.Value;

    public static FixtureRunner Runner => LazyRunner.Value;

    public static string FixturesDir => TestPaths.InRepo("tests", "fixtures");
}
