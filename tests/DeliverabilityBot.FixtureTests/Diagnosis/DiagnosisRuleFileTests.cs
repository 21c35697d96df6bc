using DeliverabilityBot.Rules.Diagnosis.Loading;

namespace DeliverabilityBot.FixtureTests.Diagnosis;

/// <summary>The repository's diagnosis rules load cleanly and each names scenarios where it is the top diagnosis.</summary>
public sealed class DiagnosisRuleFileTests
{
    [Fact]
    public void Load_RepositoryRules_NoDiagnostics()
    {
        var loaded = DiagnosisRuleLoader.Load(TestPaths.InRepo("rules"));
        Assert.True(loaded.Diagnostics.Count == 0, string.Join("\n", loaded.Diagnostics));
        Assert.True(loaded.Rules.Count >= 10);
        Assert.Contains(loaded.Rules, r => r.Fallback && r.Category == "none");
    }

    [Fact]
    public void Load_EmbeddedRules_SameAsRepository()
    {
        var embedded = DiagnosisRuleLoader.Load((string?)null).Rules.Select(r => r.Id);
        var repo = DiagnosisRuleLoader.Load(TestPaths.InRepo("rules")).Rules.Select(r => r.Id);
        Assert.Equal(repo.Order(), embedded.Order());
    }

    [Fact]
    public void Examples_EveryRule_NamesScenariosWhereItIsTopOrFollowsItsCause()
    {
        foreach (var rule in DiagnosisRuleLoader.Load(TestPaths.InRepo("rules")).Rules)
        {
            Assert.NotEmpty(rule.Examples);
            foreach (var name in rule.Examples)
            {
                var expect = Path.Combine(ScenarioRunner.ScenariosDir, name, "expect.yaml");
                Assert.True(File.Exists(expect), $"{rule.Id} names scenario '{name}', which has no {expect}");
                var e = ScenarioExpectation.Read(expect);
                // A consequence (causedBy) is never top where its cause fired: its scenario shows it under the cause.
                Assert.True(e.Top == rule.Id || e.Follows.ContainsKey(rule.Id), $"{rule.Id} names scenario '{name}', where it is neither top nor a listed consequence");
            }
        }
    }
}
