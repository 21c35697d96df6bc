using System.Text;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Fixtures;

/// <summary>Finds and reads fixtures: every <c>*.expect.yaml</c> with exactly one sibling input (<c>.txt</c>, <c>.eml</c>, <c>.log</c>).</summary>
public static class FixtureReader
{
    private static readonly string[] InputExtensions = [".txt", ".eml", ".log"];
    private static readonly IReadOnlySet<string> FileKeys = new HashSet<string>(StringComparer.Ordinal) { "description", "to", "events", "mustNotFire" };
    private static readonly IReadOnlySet<string> EventKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "rules", "exactRules", "reason", "receiver", "filter", "retryable", "hardBounce", "action", "span",
    };

    /// <summary>Largest fixture input read.</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    /// <summary>The expectation files under <paramref name="directory"/>, sorted, shown relative to it as given.</summary>
    public static IReadOnlyList<string> Find(string directory) =>
        Directory.EnumerateFiles(directory, "*.expect.yaml", SearchOption.AllDirectories)
            .Select(f => f.Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    /// <summary>Reads one fixture; problems become DBR0204 in <paramref name="bag"/> and yield null.</summary>
    public static RuleFixture? Read(string expectPath, DiagnosticBag bag)
    {
        var where = SourceLocation.InFile(expectPath);
        var stem = expectPath[..^".expect.yaml".Length];
        var inputs = InputExtensions.Select(e => stem + e).Where(File.Exists).ToArray();
        if (inputs.Length != 1)
        {
            bag.Report(DiagnosticCatalog.InvalidFixture, where, inputs.Length == 0
                ? $"no input beside the expectation: expected {Path.GetFileName(stem)}.txt, .eml or .log"
                : $"more than one input beside the expectation: {string.Join(", ", inputs.Select(Path.GetFileName))}");
            return null;
        }
        try
        {
            if (new FileInfo(inputs[0]).Length > MaxInputBytes || new FileInfo(expectPath).Length > RuleLoadOptions.Default.MaxFileBytes)
            {
                bag.Report(DiagnosticCatalog.InvalidFixture, where, "fixture input or expectation is over the size limit");
                return null;
            }
            var loadBag = new DiagnosticBag();
            var root = YamlDocumentReader.Read(expectPath, File.ReadAllBytes(expectPath), RuleLoadOptions.Default, loadBag);
            foreach (var d in loadBag.Items) bag.Report(DiagnosticCatalog.InvalidFixture, d.Location, d.Message);
            if (root is null)
            {
                if (!loadBag.HasErrors) bag.Report(DiagnosticCatalog.InvalidFixture, where, "the expectation file is empty");
                return null;
            }
            return Parse(root, expectPath, inputs[0], File.ReadAllText(inputs[0], Encoding.UTF8), bag);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Report(DiagnosticCatalog.InvalidFixture, where, $"cannot read the fixture: {ex.Message}");
            return null;
        }
    }

    private static RuleFixture? Parse(YamlMappingNode root, string expectPath, string inputPath, string input, DiagnosticBag bag)
    {
        var inner = new DiagnosticBag();
        var map = new YamlMap(root, expectPath, "the fixture", inner);
        map.CheckKeys(FileKeys);
        var events = new List<ExpectedEvent>();
        if (map.Sequence("events", required: true) is { } seq)
        {
            foreach (var item in seq.Children)
            {
                if (item is YamlMappingNode em) events.Add(Event(new YamlMap(em, expectPath, $"event {events.Count + 1} of the fixture", inner)));
                else map.Wrong("events", item, "a mapping", "each item of ");
            }
        }
        var mustNot = map.Strings("mustNotFire", false)?.Select(s => s.Value.Trim()).ToArray() ?? [];
        var fixture = new RuleFixture
        {
            ExpectPath = expectPath, InputPath = inputPath, Input = input, Description = map.String("description", false) ?? string.Empty,
            To = map.String("to", false), Events = events, MustNotFire = mustNot, MustNotFireLocation = map.KeyAt("mustNotFire"),
        };
        foreach (var d in inner.Items) bag.Report(DiagnosticCatalog.InvalidFixture, d.Location, d.Message);
        return inner.HasErrors ? null : fixture;
    }

    private static ExpectedEvent Event(YamlMap map)
    {
        map.CheckKeys(EventKeys);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in new[] { "reason", "receiver", "filter", "action" })
            if (map.Get(key) is not null) fields[key] = map.String(key, false)?.Trim();
        foreach (var key in new[] { "retryable", "hardBounce" })
            if (map.Get(key) is not null) fields[key] = map.Bool(key) is { } b ? (b ? "true" : "false") : null;
        var span = map.String("span", false);
        if (span is not null && SpanMarkup.Parse(span) is null)
            map.Bag.Report(DiagnosticCatalog.InvalidFixture, map.At(map.Get("span")!), "span must be marked up as {|RULEID:matched text|}");
        return new ExpectedEvent
        {
            Rules = map.Strings("rules", false)?.Select(s => s.Value.Trim()).ToArray() ?? [],
            ExactRules = map.Bool("exactRules") ?? false,
            Fields = fields,
            Span = span,
            Location = map.Location,
        };
    }
}
