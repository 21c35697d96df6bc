using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.FixtureTests.Diagnosis;

/// <summary>
/// A scenario's <c>expect.yaml</c>: the receiver asked about (none: every receiver), the top diagnosis (and optionally
/// its scope), ids that must (not) fire, and <c>follows: {CONSEQUENCE: CAUSE}</c> links that must be made.
/// </summary>
internal sealed record ScenarioExpectation(
    string Description, string? Receiver, string Top, string? TopScope, IReadOnlyList<string> AlsoFire, IReadOnlyList<string> MustNotFire,
    IReadOnlyDictionary<string, string> Follows)
{
    public static ScenarioExpectation Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string? Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n) ? ((YamlScalarNode)n).Value : null;
        IReadOnlyList<string> List(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n)
            ? ((YamlSequenceNode)n).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray() : [];
        var follows = root.Children.TryGetValue(new YamlScalarNode("follows"), out var fn)
            ? ((YamlMappingNode)fn).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!)
            : new Dictionary<string, string>();
        return new ScenarioExpectation(
            Scalar("description") ?? throw new InvalidDataException($"{path}: description is required"),
            Scalar("receiver"),
            Scalar("top") ?? throw new InvalidDataException($"{path}: top is required"),
            Scalar("topScope"),
            List("alsoFire"), List("mustNotFire"), follows);
    }
}
