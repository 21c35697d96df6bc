using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Mta;

/// <summary>
/// Loads <c>rules/mta/*.yaml</c> (from the rules folder on disk, else the embedded set). A file that cannot be read is
/// reported in <see cref="MtaThrottleSet.Problems"/> as <c>file(line): what</c> and left out; the rest still loads.
/// </summary>
public static partial class MtaThrottleLoader
{
    private const string Folder = "mta";

    /// <summary>Loads the set for <paramref name="rulesDirectory"/> (null: <c>DBOT_RULES</c>, else embedded).</summary>
    public static MtaThrottleSet Load(string? rulesDirectory)
    {
        var dir = string.IsNullOrWhiteSpace(rulesDirectory) ? Environment.GetEnvironmentVariable(RuleSources.EnvironmentVariable) : rulesDirectory;
        var files = new List<(string Path, byte[] Bytes)>();
        if (!string.IsNullOrWhiteSpace(dir))
        {
            var folder = Path.Combine(dir, Folder);
            if (Directory.Exists(folder))
                files.AddRange(Directory.EnumerateFiles(folder, "*.y*ml").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f))));
        }
        else
        {
            foreach (var name in RuleSources.EmbeddedNames().Where(n => n.StartsWith($"rules/{Folder}/", StringComparison.Ordinal)))
            {
                using var s = RuleSources.OpenEmbedded(name);
                using var m = new MemoryStream();
                s.CopyTo(m);
                files.Add((name, m.ToArray()));
            }
        }
        var throttles = new List<MtaThrottle>();
        var problems = new List<string>();
        foreach (var (path, bytes) in files)
        {
            var bag = new DiagnosticBag();
            var map = YamlDocumentReader.Read(path, bytes, RuleLoadOptions.Default, bag);
            problems.AddRange(bag.Items.Select(d => d.ToString()));
            if (map is null) continue;
            try
            {
                throttles.AddRange(Parse(map));
            }
            catch (FormatException ex)
            {
                problems.Add($"{path}: {ex.Message}");
            }
        }
        return new MtaThrottleSet(throttles, problems);
    }

    private static IEnumerable<MtaThrottle> Parse(YamlMappingNode map)
    {
        var receiver = Scalar(map, "receiver") ?? throw new FormatException("'receiver' is required");
        var domains = List(map, "domains");
        if (domains.Count == 0) throw new FormatException("'domains' must list the receiver's domains");
        var provider = Scalar(map, "kumomtaProvider");
        if (Node(map, "throttles") is not YamlSequenceNode items) throw new FormatException("'throttles' must be a list");
        foreach (var item in items.OfType<YamlMappingNode>())
        {
            var at = $"({item.Start.Line},{item.Start.Column})";
            var diagnoses = List(item, "diagnoses");
            if (diagnoses.Count == 0) throw new FormatException($"{at} 'diagnoses' must name at least one diagnosis rule id");
            var t = new MtaThrottle
            {
                Receiver = receiver, Domains = domains, KumoMtaProvider = provider, Diagnoses = diagnoses,
                Basis = Scalar(item, "basis")?.Trim() ?? "",
                Connections = Int(item, "connections", at), InitialConnections = Int(item, "initialConnections", at),
                MessagesPerConnection = Int(item, "messagesPerConnection", at), MessagesPerMinute = Rate(item, "messageRate", at),
                ConnectionsPerMinute = Rate(item, "connectionRate", at),
                Pause = Duration(item, at),
                References = (Node(item, "references") as YamlSequenceNode)?.OfType<YamlMappingNode>().Select(r => Scalar(r, "url")).OfType<string>().ToList() ?? [],
            };
            if (t.Connections is null && t.MessagesPerMinute is null && t.Pause is null)
                throw new FormatException($"{at} a throttle needs connections, messageRate or pause");
            if (t.References.Count == 0) throw new FormatException($"{at} a throttle needs its references (url, confidence)");
            yield return t;
        }
    }

    private static YamlNode? Node(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Node(map, key) as YamlScalarNode)?.Value;

    private static List<string> List(YamlMappingNode map, string key) =>
        (Node(map, key) as YamlSequenceNode)?.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>().ToList() ?? [];

    private static int? Int(YamlMappingNode map, string key, string at) => Scalar(map, key) is not { } v ? null
        : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new FormatException($"{at} '{key}' must be a positive whole number, not '{v}'");

    private static int? Rate(YamlMappingNode map, string key, string at)
    {
        if (Scalar(map, key) is not { } v) return null;
        var m = RatePattern().Match(v);
        if (!m.Success) throw new FormatException($"{at} '{key}' must be N/min or N/h, not '{v}'");
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value == "h" ? Math.Max(1, n / 60) : n;
    }

    private static TimeSpan? Duration(YamlMappingNode map, string at)
    {
        if (Scalar(map, "pause") is not { } v) return null;
        var m = DurationPattern().Match(v);
        if (!m.Success) throw new FormatException($"{at} 'pause' must be like 15m or 2h, not '{v}'");
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value == "h" ? TimeSpan.FromHours(n) : TimeSpan.FromMinutes(n);
    }

    [GeneratedRegex(@"^(\d+)/(min|h)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^(\d+)(m|h)$")]
    private static partial Regex DurationPattern();
}
