using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Loads rule files with isolation: each file is read and validated on its own (files in parallel), cross-file checks
/// (duplicate ids, attribution) follow, then every regex is built and every example and counter-example runs against
/// its rule unless <see cref="RuleLoadOptions.CheckExamples"/> is off (regexes are then built on first use). A file with any error is excluded; the others load. Never throws
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
        var timeouts = new MatchTimeoutSink();
        var parsed = ParseAll(sources, options, timeouts);

        CheckDuplicateIds(parsed);
        ReceiverReferenceCheck.Check(parsed.Select(p => (p.File, p.Bag)).ToArray());
        var blocks = new List<(ReceiverBlock Block, DiagnosticBag Bag)>();
        foreach (var p in parsed)
            if (p.File?.Receiver is { } receiver && !p.Bag.HasErrors) blocks.Add((receiver, p.Bag));
        CheckAttribution(blocks);

        if (options.CheckExamples)
        {
            foreach (var p in parsed)
                if (p.File is not null && !p.Bag.HasErrors) RegexBuildCheck.Check(p.File.Rules, p.Bag);
            var attributor = new ReceiverAttributor(blocks.Select(b => b.Block));
            foreach (var p in parsed)
                if (!p.Bag.HasErrors) foreach (var rule in p.Rules) ExampleChecker.Check(rule, attributor, p.Bag, timeouts);
        }

        var clean = parsed.Where(p => p.File is not null && !p.Bag.HasErrors).ToArray();
        return new LoadedRuleSet
        {
            Files = clean.Select(p => p.File!).ToArray(),
            ExcludedFiles = parsed.Where(p => p.Bag.HasErrors).Select(p => p.Path).ToArray(),
            Rules = clean.SelectMany(p => p.Rules).ToArray(),
            Diagnostics = parsed.SelectMany(p => p.Bag.Items)
                .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToArray(),
            Attributor = new ReceiverAttributor(clean.Where(p => p.File!.Receiver is not null).Select(p => p.File!.Receiver!)),
            Receivers = ReceiverRegistryBuilder.Build(clean.Select(p => p.File!)),
            Timeouts = timeouts,
        };
    }

    // Files are independent until the cross-file checks, so each is read, parsed and its conditions compiled in
    // parallel (most of a cold start is this, and the machine has more than one core); results keep source order, so
    // output is deterministic. A file the cross-file checks reject later is dropped with its compiled rules.
    private static ParsedRuleFile[] ParseAll(IReadOnlyList<RuleSourceFile> sources, RuleLoadOptions options, MatchTimeoutSink timeouts)
    {
        var results = new ParsedRuleFile[sources.Count];
        void ParseOne(int i)
        {
            var source = sources[i];
            var bag = new DiagnosticBag();
            var bytes = ReadBytes(source, options, bag);
            var file = bytes is null ? null : RuleFileParser.Parse(source.DisplayPath, bytes, options, bag);
            var rules = file is null || bag.HasErrors
                ? []
                : file.Rules.Select(r => new CompiledRule(r, ConditionCompiler.Compile(r.Match, r.Id, timeouts))).ToArray();
            results[i] = new ParsedRuleFile(source.DisplayPath, file, bag, rules);
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
        {
            for (var i = 0; i < sources.Count; i++) ParseOne(i);
        }
        return results;
    }

    // A class rather than a tuple: LINQ over a reference type runs System.Linq's precompiled (ReadyToRun) shared code,
    // where a value tuple needs its own JIT-compiled instantiation of every operator at start-up.
    private sealed record ParsedRuleFile(string Path, RuleFile? File, DiagnosticBag Bag, CompiledRule[] Rules);

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

    private static void CheckDuplicateIds(ParsedRuleFile[] parsed)
    {
        var seen = new Dictionary<string, RuleDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, file, bag, _) in parsed)
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
