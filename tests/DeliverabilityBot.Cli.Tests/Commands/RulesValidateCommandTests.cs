using System.Text.Json;

namespace DeliverabilityBot.Cli.Tests.Commands;

public class RulesValidateCommandTests
{
    [Fact]
    public void Validate_CleanFolder_ExitsZero()
    {
        var r = DbotProcess.Run(null, "rules", "validate", DbotProcess.TestRules);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("5 rule(s) loaded: 0 error(s), 0 warning(s)", r.Out);
    }

    [Fact]
    public void Validate_BrokenCopy_ExitsOneWithCompilerStyleLine()
    {
        var dir = BrokenCopy();

        var r = DbotProcess.Run(null, "rules", "validate", dir);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{dir}/receivers/icloud.yaml(21,5): error DBR0004: unknown key 'mach' in rule ICL1001; did you mean 'match'?", r.Out);
    }

    [Fact]
    public void Validate_Sarif_HasDriverRulesAndRegion()
    {
        var dir = BrokenCopy();

        var r = DbotProcess.Run(null, "rules", "validate", dir, "--format", "sarif");

        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), x => x.GetProperty("id").GetString() == "DBR0004");
        var result = run.GetProperty("results").EnumerateArray().First(x => x.GetProperty("ruleId").GetString() == "DBR0004");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((21, 5), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
        Assert.Equal("error", result.GetProperty("level").GetString());
    }

    private static string BrokenCopy()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dbot-validate-" + Guid.NewGuid().ToString("N"));
        foreach (var f in Directory.EnumerateFiles(DbotProcess.TestRules, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(DbotProcess.TestRules, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
        var icloud = Path.Combine(dir, "receivers", "icloud.yaml");
        File.WriteAllText(icloud, File.ReadAllText(icloud).Replace("    match:\n      receiver: icloud\n      code: [550, 554]", "    mach:\n      receiver: icloud\n      code: [550, 554]"));
        return dir;
    }
}
