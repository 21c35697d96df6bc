using System.Text;
using CsCheck;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Properties;

/// <summary>
/// The YAML loader over garbage, YAML-shaped trees and mutated valid files: it never throws, every diagnostic names
/// the file, and a file that loads no rules says why.
/// </summary>
public class RuleLoaderProperties
{
    private const string Path = "rules/filters/fuzz.yaml";
    private static readonly long Iter = FuzzBudget.Iterations(300);

    [Fact]
    public void Load_GarbageBytes_NeverThrowsAndExplainsEmptyResult() =>
        YamlGen.Garbage.Sample(b => { AssertLoadsOrExplains(b); }, iter: Iter, threads: FuzzBudget.Threads);

    [Fact]
    public void Load_YamlShapedTrees_NeverThrowsAndExplainsEmptyResult() =>
        YamlGen.Tree(4).Select(Encoding.UTF8.GetBytes).Sample(b => { AssertLoadsOrExplains(b); }, iter: Iter, threads: FuzzBudget.Threads);

    [Fact]
    public void Load_MutatedValidFile_NeverThrowsAndLocationsInsideTheFile()
    {
        YamlGen.Mutated.Sample(text =>
        {
            var set = AssertLoadsOrExplains(Encoding.UTF8.GetBytes(text));
            var lines = text.Split('\n').Length + 1;
            Assert.All(set.Diagnostics, d => Assert.InRange(d.Location.Line, 0, lines));
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    private static LoadedRuleSet AssertLoadsOrExplains(byte[] bytes)
    {
        var set = RuleSetLoader.Load([TestRules.Bytes(Path, bytes)]);
        Assert.All(set.Diagnostics, d => Assert.Equal(Path, d.Location.File));
        if (set.Rules.Count == 0 && HasContent(bytes))
            Assert.True(set.Diagnostics.Count > 0, "a non-empty file that loaded no rule must say why: " + Encoding.UTF8.GetString(bytes));
        if (set.HasErrors) Assert.Empty(set.Rules);
        return set;
    }

    // A file of only whitespace, comments or an explicit null document has nothing to explain.
    private static bool HasContent(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Split('\n').Select(l => l.Trim().TrimStart('\uFEFF')).Any(l => l.Length > 0 && !l.StartsWith('#') && l is not ("---" or "..." or "~" or "null"));
    }
}
