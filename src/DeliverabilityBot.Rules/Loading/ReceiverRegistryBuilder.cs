using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Builds the <see cref="IReceiverRegistry"/> from the rule files' <c>receiver:</c> and <c>filter:</c> blocks: the only
/// place receivers' display names, the names people type, domains, hosts, markers and contacts are written.
/// </summary>
public static class ReceiverRegistryBuilder
{
    /// <summary>One entry per id, in file order; blocks of one id in several files are merged (the first display name wins).</summary>
    public static ReceiverRegistry Build(IEnumerable<RuleFile> files)
    {
        var blocks = new List<ReceiverBlock>();
        foreach (var f in files)
        {
            if (f.Receiver is { } r) blocks.Add(r);
            if (f.Filter is { } fl) blocks.Add(fl);
        }
        return new ReceiverRegistry(blocks.GroupBy(b => b.Id, StringComparer.Ordinal).Select(Merge));
    }

    /// <summary>
    /// Reads only the <c>receiver:</c> and <c>filter:</c> blocks of <paramref name="sources"/>, without compiling any rule:
    /// for what needs receivers' names but not the classification rules (<c>dbot why</c>). A file whose block has an
    /// error contributes nothing; diagnostics are for the full load to report.
    /// </summary>
    public static ReceiverRegistry Load(IReadOnlyList<RuleSourceFile> sources)
    {
        var blocks = new List<ReceiverBlock>();
        foreach (var source in sources)
        {
            byte[] bytes;
            try
            {
                using var stream = source.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var bag = new Diagnostics.DiagnosticBag();
            if (YamlDocumentReader.Read(source.DisplayPath, bytes, RuleLoadOptions.WithoutExampleChecks, bag) is not { } root) continue;
            var map = new YamlMap(root, source.DisplayPath, "the file", bag);
            var found = new List<ReceiverBlock>();
            if (map.Map("receiver", "the file's receiver block", false) is { } rb && RegistryBlockParser.Parse(rb, isReceiver: true) is { } r) found.Add(r);
            if (map.Map("filter", "the file's filter block", false) is { } fb && RegistryBlockParser.Parse(fb, isReceiver: false) is { } f) found.Add(f);
            if (!bag.HasErrors) blocks.AddRange(found);
        }
        return new ReceiverRegistry(blocks.GroupBy(b => b.Id, StringComparer.Ordinal).Select(Merge));
    }

    private static ReceiverProfile Merge(IGrouping<string, ReceiverBlock> group) => new()
    {
        Id = group.Key,
        DisplayName = group.Select(b => b.DisplayName).FirstOrDefault(n => n is not null) ?? group.Key,
        IsReceiver = group.Any(b => b.IsReceiver),
        Names = Union(group, b => b.Names),
        Typos = Union(group, b => b.Typos),
        Fuzzy = Union(group, b => b.Fuzzy),
        Domains = Union(group, b => b.Domains),
        Hosts = Union(group, b => b.Hosts),
        Markers = Union(group, b => b.Markers),
        Contacts = group.SelectMany(b => b.Contacts).Distinct().ToArray(),
    };

    private static string[] Union(IEnumerable<ReceiverBlock> blocks, Func<ReceiverBlock, IReadOnlyList<string>> pick) =>
        blocks.SelectMany(pick).Distinct(StringComparer.Ordinal).ToArray();
}
