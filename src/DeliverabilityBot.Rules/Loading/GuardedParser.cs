using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Wraps YamlDotNet's low-level parser and checks every event as the node tree is built, in the same single pass:
/// no anchors or aliases (no alias bombs), no custom tags, one document, bounded node count and nesting (the tree
/// builder recurses, so depth is checked before it can exhaust the stack).
/// </summary>
internal sealed class GuardedParser(IParser inner, RuleLoadOptions options) : IParser
{
    private int _depth;
    private int _events;
    private int _documents;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        var e = inner.Current!;
        if (++_events > options.MaxYamlEvents) throw Reject(e, $"more than {options.MaxYamlEvents:N0} YAML nodes; a rule file is not this large");
        switch (e)
        {
            case DocumentStart when ++_documents > 1:
                throw Reject(e, "a rule file holds one YAML document; split the file");
            case AnchorAlias:
                throw Reject(e, "YAML aliases (*name) are not allowed in rule files; write the value out");
            case NodeEvent { Anchor.IsEmpty: false }:
                throw Reject(e, "YAML anchors (&name) are not allowed in rule files; write the value out");
            case NodeEvent { Tag.IsEmpty: false } ne when !ne.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal):
                throw Reject(e, $"YAML tag '{ne.Tag.Value}' is not allowed in rule files");
        }
        if (e is MappingStart or SequenceStart && ++_depth > options.MaxNesting) throw Reject(e, $"nested more than {options.MaxNesting} levels deep");
        if (e is MappingEnd or SequenceEnd) _depth--;
        return true;
    }

    private static ShapeException Reject(ParsingEvent e, string message) => new(e.Start, message);

    /// <summary>The document has a shape rule files do not allow (DBR0003).</summary>
    internal sealed class ShapeException(Mark at, string message) : Exception(message)
    {
        public Mark At { get; } = at;
    }
}
