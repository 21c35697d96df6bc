using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Loads rule files with isolation: each file is read and validated on its own (files in parallel), cross-file checks
/// (duplicate ids, attribution) follow, then every example and counter-example runs against its rule unless
/// <see cref="RuleLoadOptions.CheckExamples"/> is off. A file with any error is excluded; the others load. Never throws
/// for bad input.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>Loads the folder (or the embedded set when null; <c>DBOT_RULES</c> applies).</summary>
    public static LoadedRuleSet Load(string? directory, RuleLoadOptions? options = null) => Load(RuleSources.Resolve(directory), options);

    /// <summary>Loads <paramref name="sources"/>.</summary>
    public static LoadedRuleSet Load(IReadOnlyList<RuleSourceFile> sources, RuleLoadOptions? options = null)
    {
        options ??= RuleLoadOptions.Default;
        var parsed = ParseAll(sources, options);

        CheckDuplicateIds(parsed);
        var blocks = parsed.Where(p => p.File?.Receiver is not null && !p.Bag.HasErrors).Select(p => (p.File!.Receiver!, p.Bag)).ToList();
        CheckAttribution(blocks);
        var attributor = new ReceiverAttributor(blocks.Select(b => b.Item1));
        var timeouts = new MatchTimeoutSink();

        var compiled = new List<(string Path, List<CompiledRule> Rules)>();
        foreach (var (path, file, bag) in parsed)
        {
            if (file is null || bag.HasErrors) continue;
            var rules = file.Rules.Select(r => new CompiledRule(r, ConditionCompiler.Compile(r.Match, r.Id, timeouts))).ToList();
            if (options.CheckExamples) foreach (var rule in rules) ExampleChecker.Check(rule, attributor, bag, timeouts);
            compiled.Add((path, rules));
        }

        var clean = parsed.Where(p => p.File is not null && !p.Bag.HasErrors).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        return new LoadedRuleSet
        {
            Files = parsed.Where(p => clean.Contains(p.Path)).Select(p => p.File!).ToArray(),
            ExcludedFiles = parsed.Where(p => p.Bag.HasErrors).Select(p => p.Path).ToArray(),
            Rules = compiled.Where(c => clean.Contains(c.Path)).SelectMany(c => c.Rules).ToArray(),
            Diagnostics = parsed.SelectMany(p => p.Bag.Items)
                .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToArray(),
            Attributor = new ReceiverAttributor(parsed.Where(p => clean.Contains(p.Path) && p.File!.Receiver is not null).Select(p => p.File!.Receiver!)),
            Timeouts = timeouts,
        };
    }

    // Files are independent until the cross-file checks, so they are read and parsed in parallel (most of a cold
    // start is this, and the machine has more than one core); results keep source order, so output is deterministic.
    private static List<(string Path, RuleFile? File, DiagnosticBag Bag)> ParseAll(IReadOnlyList<RuleSourceFile> sources, RuleLoadOptions options)
    {
        var results = new (string Path, RuleFile? File, DiagnosticBag Bag)[sources.Count];
        void ParseOne(int i)
        {
            var source = sources[i];
            var bag = new DiagnosticBag();
            var bytes = ReadBytes(source, options, bag);
            results[i] = (source.DisplayPath, bytes is null ? null : RuleFileParser.Parse(source.DisplayPath, bytes, options, bag), bag);
        }
        if (sources.Count > 1 && Environment.ProcessorCount > 1)
        {
            try
            {
                Parallel.For(0, sources.Count, ParseOne);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
            {
                // Surface what a serial load would have thrown (e.g. an IO error no diagnostic covers), not a wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }
        }
        else
            for (var i = 0; i < sources.Count; i++) ParseOne(i);
        return [.. results];
    }

    private static byte[]? ReadBytes(RuleSourceFile source, RuleLoadOptions options, DiagnosticBag bag)
    {
        var where = SourceLocation.InFile(source.DisplayPath);
        if (source.Length > options.MaxFileBytes)
        {
            bag.Report(DiagnosticCatalog.Unreadable, where, $"file is {source.Length:N0} bytes, over the {options.MaxFileBytes:N0}-byte limit for a rule file");
            return null;
        }
        try
        {
            using var stream = source.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > options.MaxFileBytes) break; // grew while we read: the parser reports the limit
            }
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Report(DiagnosticCatalog.Unreadable, where, $"cannot read the file: {ex.Message}");
            return null;
        }
    }

    private static void CheckDuplicateIds(List<(string Path, RuleFile? File, DiagnosticBag Bag)> parsed)
    {
        var seen = new Dictionary<string, RuleDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, file, bag) in parsed)
        {
            if (file is null) continue;
            foreach (var rule in file.Rules)
            {
                if (seen.TryGetValue(rule.Id, out var first))
                    bag.Report(DiagnosticCatalog.DuplicateId, rule.IdLocation, $"rule id '{rule.Id}' is already used at {first.IdLocation}");
                else seen[rule.Id] = rule;
            }
        }
    }

    private static void CheckAttribution(List<(ReceiverBlock Block, DiagnosticBag Bag)> blocks)
    {
        var domains = new Dictionary<string, ReceiverBlock>(StringComparer.OrdinalIgnoreCase);
        var hosts = new Dictionary<string, ReceiverBlock>(StringComparer.OrdinalIgnoreCase);
        foreach (var (block, bag) in blocks)
        {
            foreach (var d in block.Domains)
                if (!domains.TryAdd(d, block) && domains[d].Id != block.Id)
                    bag.Report(DiagnosticCatalog.AmbiguousAttribution, block.Location, $"domain '{d}' is already attributed to '{domains[d].Id}' at {domains[d].Location}");
            foreach (var h in block.Hosts)
                if (!hosts.TryAdd(h, block) && hosts[h].Id != block.Id)
                    bag.Report(DiagnosticCatalog.AmbiguousAttribution, block.Location, $"host '{h}' is already attributed to '{hosts[h].Id}' at {hosts[h].Location}");
        }
    }
}
