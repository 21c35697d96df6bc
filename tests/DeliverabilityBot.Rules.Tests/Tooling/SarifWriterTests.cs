using System.Text.Json;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Tooling;

namespace DeliverabilityBot.Rules.Tests.Tooling;

/// <summary>The SARIF 2.1.0 output checked against the schema's required properties and value sets.</summary>
public class SarifWriterTests
{
    private static JsonElement Sarif(string yaml)
    {
        var set = RuleSetLoader.Load([TestRules.Inline("rules/filters/barracuda.yaml", yaml)]);
        using var buffer = new MemoryStream();
        SarifWriter.Write(buffer, "dbot rules validate", set.Diagnostics);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Write_BrokenRuleFile_IsWellFormedSarif210WithRegion()
    {
        var root = Sarif(Diagnostics.BrokenRuleFiles.Replace(14, "    mach:") + "\n");

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.StartsWith("https://", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToArray();
        Assert.All(rules, r =>
        {
            Assert.Matches("^DBR[0-9]{4}$", r.GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
        });
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[index].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
        }
        var unknownKey = results.Single(r => r.GetProperty("ruleId").GetString() == "DBR0004");
        var location = unknownKey.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("rules/filters/barracuda.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(14, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Write_FileLevelDiagnostic_HasNoRegion()
    {
        var root = Sarif("");

        var location = root.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.False(location.TryGetProperty("region", out _));
    }
}
