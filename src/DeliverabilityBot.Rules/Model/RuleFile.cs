using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Model;

/// <summary>One rule file as read from YAML: family, scope, receiver attribution, example defaults, rules.</summary>
public sealed class RuleFile
{
    /// <summary>The path as shown in diagnostics (e.g. <c>rules/receivers/icloud.yaml</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The id prefix every rule id in the file starts with.</summary>
    public required string Family { get; init; }

    /// <summary>The family's scope.</summary>
    public required RuleScope Scope { get; init; }

    /// <summary>How events are attributed to this file's receiver, or null.</summary>
    public ReceiverBlock? Receiver { get; init; }

    /// <summary>The filter this file is about when it is not a receiver (a blocklist or filter named in replies), or null.</summary>
    public ReceiverBlock? Filter { get; init; }

    /// <summary>Defaults applied to every example and counter-example in the file.</summary>
    public ExampleCase ExampleDefaults { get; init; } = ExampleCase.Empty;

    /// <summary>The rules, in file order.</summary>
    public required IReadOnlyList<RuleDescriptor> Rules { get; init; }

    /// <summary>Where the <c>family</c> key is.</summary>
    public SourceLocation FamilyLocation { get; init; }
}
