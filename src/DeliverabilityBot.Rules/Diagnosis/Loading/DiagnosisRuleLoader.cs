using DeliverabilityBot.Rules.Diagnosis.Model;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Diagnosis.Loading;

/// <summary>
/// Loads <c>rules/diagnosis/*.yaml</c> with the same reader, limits and diagnostics as classification rules: a file
/// with an error is excluded and reported, the others load. Never throws for bad input.
/// </summary>
public static class DiagnosisRuleLoader
{
    private const string Folder = "diagnosis";
    private const string EmbeddedPrefix = "rules/diagnosis/";

    /// <summary>Loads <c>DIR/diagnosis</c> (<paramref name="rulesDirectory"/>, else <c>DBOT_RULES</c>), else the embedded set.</summary>
    public static LoadedDiagnosisRules Load(string? rulesDirectory, RuleLoadOptions? options = null)
    {
        var dir = rulesDirectory ?? Environment.GetEnvironmentVariable(RuleSources.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(dir))
            return Load(RuleSources.EmbeddedNames().Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
                .Select(n => (n, (Func<Stream>)(() => RuleSources.OpenEmbedded(n)))).ToList(), options);
        var folder = Path.Combine(dir, Folder);
        if (!Directory.Exists(folder)) return Load([], options);
        var shown = dir.Replace('\\', '/').TrimEnd('/');
        return Load(Directory.EnumerateFiles(folder, "*.y*ml").Order(StringComparer.Ordinal)
            .Select(f => ($"{shown}/{Folder}/{Path.GetFileName(f)}", (Func<Stream>)(() => File.OpenRead(f)))).ToList(), options);
    }

    /// <summary>Loads the given files (display path and opener).</summary>
    public static LoadedDiagnosisRules Load(IReadOnlyList<(string Path, Func<Stream> Open)> files, RuleLoadOptions? options = null)
    {
        options ??= RuleLoadOptions.Default;
        var parsed = new List<(string Path, List<DiagnosisRule> Rules, DiagnosticBag Bag)>();
        foreach (var (path, open) in files)
        {
            var bag = new DiagnosticBag();
            parsed.Add((path, ParseFile(path, open, options, bag), bag));
        }
        var seen = new Dictionary<string, DiagnosisRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, rules, bag) in parsed)
            foreach (var r in rules)
                if (!seen.TryAdd(r.Id, r))
                    bag.Report(DiagnosticCatalog.DuplicateId, new SourceLocation(r.File, r.Line, 1), $"rule id '{r.Id}' is already used at {seen[r.Id].File}({seen[r.Id].Line},1)");
        foreach (var (_, rules, bag) in parsed)
            foreach (var r in rules)
                foreach (var cause in r.CausedBy)
                {
                    var matches = seen.Keys.Where(id => IdGlob.Matches(cause, id) && !id.Equals(r.Id, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (matches.Count == 0)
                        bag.Report(DiagnosticCatalog.UnknownCause, new SourceLocation(r.File, r.Line, 1), $"causedBy '{cause}' of rule {r.Id} names no other diagnosis rule");
                }
        return new LoadedDiagnosisRules
        {
            Rules = parsed.Where(p => !p.Bag.HasErrors).SelectMany(p => p.Rules).ToArray(),
            ExcludedFiles = parsed.Where(p => p.Bag.HasErrors).Select(p => p.Path).ToArray(),
            Diagnostics = parsed.SelectMany(p => p.Bag.Items)
                .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToArray(),
        };
    }

    private static List<DiagnosisRule> ParseFile(string path, Func<Stream> open, RuleLoadOptions options, DiagnosticBag bag)
    {
        byte[] bytes;
        try
        {
            using var stream = open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Report(DiagnosticCatalog.Unreadable, SourceLocation.InFile(path), $"cannot read the file: {ex.Message}");
            return [];
        }
        var root = YamlDocumentReader.Read(path, bytes, options, bag);
        if (root is null)
        {
            if (!bag.HasErrors) bag.Report(DiagnosticCatalog.NoRules, SourceLocation.InFile(path), "the file is empty");
            return [];
        }
        var map = new YamlMap(root, path, "the file", bag);
        map.CheckKeys(DiagnosisKeys.File);
        var family = map.String("family", required: true)?.Trim();
        if (family is not null && family != "DIAG")
            bag.Report(DiagnosticCatalog.InvalidFamily, map.At(map.Get("family")!), $"family '{family}' must be DIAG in a diagnosis rule file");
        var rules = new List<DiagnosisRule>();
        if (map.Sequence("rules", required: true) is not { } seq) return rules;
        if (seq.Children.Count == 0) bag.Report(DiagnosticCatalog.NoRules, map.At(seq), "'rules' is empty");
        var index = 0;
        foreach (var item in seq.Children)
        {
            index++;
            if (item is not YamlMappingNode rm)
            {
                map.Wrong("rules", item, "a rule mapping", "each item of ");
                continue;
            }
            var context = new YamlMap(rm, path, string.Empty, bag).Get("id") is YamlScalarNode { Value: { Length: > 0 } id } ? $"rule {id.Trim()}" : $"rule #{index}";
            if (DiagnosisRuleParser.Parse(new YamlMap(rm, path, context, bag), options.KnownReceivers) is { } rule) rules.Add(rule);
        }
        return rules;
    }
}
