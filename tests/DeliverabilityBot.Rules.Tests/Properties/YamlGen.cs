using System.Text;
using CsCheck;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Properties;

/// <summary>Generators for rule files: garbage bytes, YAML-shaped trees over the real keys, and mutations of a valid file.</summary>
internal static class YamlGen
{
    private static readonly string[] Keys = [.. RuleKeys.File, .. RuleKeys.Rule, .. RuleKeys.Condition, .. RuleKeys.Reference, "x", "", "?"];

    /// <summary>A valid rule file (the test set's Proofpoint file) to mutate.</summary>
    public static readonly string ValidFile = File.ReadAllText(Path.Combine(TestRules.Dir("valid"), "filters", "proofpoint.yaml"));

    /// <summary>Arbitrary bytes, weighted towards YAML punctuation and invalid UTF-8.</summary>
    public static readonly Gen<byte[]> Garbage = Gen.Frequency(
        (2, Gen.Byte.Array[0, 600]),
        (3, Gen.String[Gen.Char[":-[]{}&*!|>'\"#%@`, \n\t?abc01"], 0, 600].Select(Encoding.UTF8.GetBytes)),
        (1, Gen.String.Select(Encoding.UTF8.GetBytes)));

    /// <summary>A scalar: plain words, numbers, YAML keywords, and a few hostile regexes.</summary>
    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.String[Gen.Char["abcxyz019 ._-"], 0, 12].Select(s => $"\"{s}\""),
        Gen.Int[-5, 2000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("true", "null", "~", "error", "receiver", "ICL1001", "SMTP0001", "'(a+)+$'", "'['", "\"{unknown}\"", "5.7.*", "55x"));

    /// <summary>A YAML-shaped document built from the real keys, nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<string> Tree(int depth) => Node(depth, 0);

    private static Gen<string> Node(int depth, int indent)
    {
        if (depth == 0) return Scalar;
        var pad = new string(' ', indent);
        var child = Node(depth - 1, indent + 2);
        var mapping = Gen.Select(Gen.OneOf<string>(Keys), Gen.Frequency<string>((2, (IGen<string>)Scalar), (1, child.Select(c => "\n" + c)))).List[1, 5]
            .Select(kvs => string.Join("\n", kvs.Select(kv => $"{pad}{kv.Item1}: {kv.Item2}")));
        var sequence = child.List[1, 3].Select(items => string.Join("\n", items.Select(i => $"{pad}- {i.TrimStart()}")));
        return Gen.Frequency<string>((3, (IGen<string>)mapping), (1, sequence));
    }

    /// <summary>The valid file with characters deleted, inserted or replaced at random places.</summary>
    public static readonly Gen<string> Mutated =
        Gen.Select(Gen.Int[0, ValidFile.Length], Gen.Int[0, 20], Gen.String[Gen.Char[":-[]{}'\"# \nabc*&"], 0, 8]).List[1, 4]
            .Select(edits => edits.Aggregate(ValidFile, (text, e) =>
            {
                var at = Math.Min(e.Item1, text.Length);
                var cut = Math.Min(e.Item2, text.Length - at);
                return text[..at] + e.Item3 + text[(at + cut)..];
            }));
}
