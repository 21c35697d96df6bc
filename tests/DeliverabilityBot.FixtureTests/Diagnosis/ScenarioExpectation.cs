using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.FixtureTests.Diagnosis;

/// <summary>A scenario's <c>expect.yaml</c>: the receiver asked about, the top diagnosis, and ids that must (not) fire.</summary>
internal sealed record ScenarioExpectation(string Description, string? Receiver, string Top, IReadOnlyList<string> AlsoFire, IReadOnlyList<string> MustNotFire)
{
    public static ScenarioExpectation Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string? Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n) ? ((YamlScalarNode)n).Value : null;
        IReadOnlyList<string> List(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n)
            ? ((YamlSequenceNode)n).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray() : [];
        return new ScenarioExpectation(
            Scalar("description") ?? throw new InvalidDataException($"{path}: description is required"),
            Scalar("receiver"),
            Scalar("top") ?? throw new InvalidDataException($"{path}: top is required"),
            List("alsoFire"), List("mustNotFire"));
    }
}
