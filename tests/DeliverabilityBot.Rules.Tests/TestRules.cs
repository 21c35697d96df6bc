using System.Text;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests;

/// <summary>Loads the test rule sets under TestData, or rule files given inline.</summary>
internal static class TestRules
{
    public static string Dir(string name) => TestPaths.InRepo("tests", "DeliverabilityBot.Rules.Tests", "TestData", name);

    public static LoadedRuleSet Valid { get; } = RuleSetLoader.Load(RuleSources.FromDirectory(Dir("valid")));

    public static RuleSourceFile Inline(string path, string yaml) => Bytes(path, Encoding.UTF8.GetBytes(yaml));

    public static RuleSourceFile Bytes(string path, byte[] bytes) => new(path, bytes.Length, () => new MemoryStream(bytes));

    /// <summary>Loads the valid set plus the given inline files (so cross-file checks see real neighbours).</summary>
    public static LoadedRuleSet WithValid(params RuleSourceFile[] extra) =>
        RuleSetLoader.Load([.. RuleSources.FromDirectory(Dir("valid")), .. extra]);
}
