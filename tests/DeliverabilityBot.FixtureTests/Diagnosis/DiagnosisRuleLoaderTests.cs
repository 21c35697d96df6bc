using System.Text;
using DeliverabilityBot.Rules.Diagnosis.Loading;

namespace DeliverabilityBot.FixtureTests.Diagnosis;

/// <summary>Broken diagnosis rule files are reported like compiler errors, at their line, and kept out; good files still load.</summary>
public sealed class DiagnosisRuleLoaderTests
{
    private const string Good = """
        family: DIAG
        rules:
          - id: DIAG1901
            title: "Something at {receiver}: {signalCount}"
            message: "{signalCount} of {attempts}"
            category: reputation
            severity: error
            helpUri: https://example.com/help
            references:
              - url: https://example.com/source
                confidence: official
            signal:
              categories: [reputation]
            when:
              signalCount: {min: 5}
            explanation: Why it matters.
            actions: [Do the thing.]
            examples: [some-scenario]
        """;

    private static LoadedDiagnosisRules Load(params (string Name, string Text)[] files) =>
        DiagnosisRuleLoader.Load(files.Select(f => (f.Name, (Func<Stream>)(() => new MemoryStream(Encoding.UTF8.GetBytes(f.Text))))).ToList());

    [Fact]
    public void Load_ValidFile_OneRuleNoDiagnostics()
    {
        var loaded = Load(("good.yaml", Good));
        Assert.Empty(loaded.Diagnostics);
        var rule = Assert.Single(loaded.Rules);
        Assert.Equal("DIAG1901", rule.Id);
        Assert.Equal(5, rule.When.Single().Min);
    }

    [Theory]
    [InlineData("signalCount: {min: 5}", "signalCont: {min: 5}", "DBR0004", 15, "did you mean 'signalCount'")]
    [InlineData("signalCount: {min: 5}", "signalCount: {min: 9, max: 2}", "DBR0024", 15, "above max")]
    [InlineData("categories: [reputation]", "categories: [reputaton]", "DBR0012", 13, "reputation")]
    [InlineData("id: DIAG1901", "id: ICL1901", "DBR0008", 3, "DIAG")]
    [InlineData("{signalCount} of {attempts}", "{signalCount} of {atempts}", "DBR0026", 5, "attempts")]
    [InlineData("examples: [some-scenario]", "examples: [some-scenario]\n    causedBy: [DIAG1999]", "DBR0033", 3, "DIAG1999")]
    [InlineData("examples: [some-scenario]", "examples: [some-scenario]\n    causedBy: [ICL1001]", "DBR0033", 19, "not a diagnosis rule id")]
    public void Load_BrokenRule_ReportsIdAtLine(string good, string bad, string id, int line, string hint)
    {
        var loaded = Load(("rules/diagnosis/bad.yaml", Good.Replace(good, bad)), ("rules/diagnosis/good.yaml", Good.Replace("DIAG1901", "DIAG1902")));
        var d = Assert.Single(loaded.Diagnostics, x => x.Id == id);
        Assert.Equal("rules/diagnosis/bad.yaml", d.Location.File);
        Assert.Equal(line, d.Location.Line);
        Assert.Contains(hint, d.Message);
        if (d.IsError)
        {
            Assert.Contains("rules/diagnosis/bad.yaml", loaded.ExcludedFiles);
            Assert.Equal("DIAG1902", Assert.Single(loaded.Rules).Id);
        }
    }

    [Fact]
    public void Load_CausedByAnotherFilesRule_LoadsWithTheLink()
    {
        var loaded = Load(("a.yaml", Good.Replace("examples: [some-scenario]", "examples: [some-scenario]\n    causedBy: [DIAG19*]")), ("b.yaml", Good.Replace("DIAG1901", "DIAG1902")));
        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(["DIAG19*"], loaded.Rules.Single(r => r.Id == "DIAG1901").CausedBy);
    }

    [Fact]
    public void Load_DuplicateIdAcrossFiles_Reported()
    {
        var loaded = Load(("a.yaml", Good), ("b.yaml", Good));
        Assert.Contains(loaded.Diagnostics, d => d.Id == "DBR0007" && d.Location.File == "b.yaml");
    }

    [Fact]
    public void Load_NotYaml_ReportedNotThrown()
    {
        var loaded = Load(("bad.yaml", "rules: [unclosed"));
        Assert.Contains(loaded.Diagnostics, d => d.IsError && d.Location.File == "bad.yaml");
        Assert.Empty(loaded.Rules);
    }
}
