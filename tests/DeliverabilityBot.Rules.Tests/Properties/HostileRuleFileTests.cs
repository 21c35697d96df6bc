using System.Text;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Properties;

/// <summary>Hostile rule files: each is answered by one clear diagnostic naming the file, within the load limits.</summary>
public class HostileRuleFileTests
{
    private const string Path = "rules/filters/hostile.yaml";

    [Fact]
    public void Load_MillionLineYaml_RejectedBySizeLimitWithoutParsing()
    {
        var set = Load(MillionLines(), RuleLoadOptions.Default);

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(Path, d.Location.File);
        Assert.Contains("limit", d.Message);
    }

    [Fact]
    public void Load_MillionLineYamlUnderRaisedSizeLimit_StoppedByNodeLimit()
    {
        var set = Load(MillionLines(), RuleLoadOptions.Default with { MaxFileBytes = 64 * 1024 * 1024 });

        var d = Assert.Single(set.Diagnostics);
        Assert.Contains("YAML nodes", d.Message);
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Load_NestedTenThousandDeep_StoppedByNestingLimit()
    {
        var set = Load(Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), RuleLoadOptions.Default);

        Assert.Contains(Assert.Single(set.Diagnostics).Message, "nested more than 64 levels deep");
    }

    [Fact]
    public void Load_BillionLaughs_AliasesRejected()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        var set = Load(Encoding.UTF8.GetBytes(yaml), RuleLoadOptions.Default);

        Assert.Contains("anchors", Assert.Single(set.Diagnostics).Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x66, 0x61, 0x6D, 0xC3, 0x28, 0x3A }, "not valid UTF-8")]
    [InlineData(new byte[] { 0x66, 0x00, 0x01, 0x02 }, "binary content")]
    public void Load_InvalidUtf8OrBinary_OneDiagnosticNamingTheProblem(byte[] bytes, string expected)
    {
        var set = Load(bytes, RuleLoadOptions.Default);

        Assert.Contains(expected, Assert.Single(set.Diagnostics).Message);
    }

    [Fact]
    public void Load_InvalidRegexInRule_DiagnosticNotException()
    {
        var yaml = YamlGen.ValidFile.Replace("- contains: ipcheck.proofpoint.com", "- regex: '(unclosed[group'", StringComparison.Ordinal);
        var set = Load(Encoding.UTF8.GetBytes(yaml), RuleLoadOptions.Default);

        Assert.True(set.HasErrors);
        Assert.Empty(set.Rules);
        Assert.All(set.Diagnostics, d => Assert.Equal(Path, d.Location.File));
    }

    private static LoadedRuleSet Load(byte[] bytes, RuleLoadOptions options) => RuleSetLoader.Load([TestRules.Bytes(Path, bytes)], options);

    private static byte[] MillionLines()
    {
        var sb = new StringBuilder("family: PPT\nscope: filter\nrules:\n", 8 * 1_000_000);
        for (var i = 0; i < 1_000_000; i++) sb.Append("  - x\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
