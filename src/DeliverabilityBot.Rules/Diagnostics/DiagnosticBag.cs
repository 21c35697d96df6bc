namespace DeliverabilityBot.Rules.Diagnostics;

/// <summary>Collects diagnostics while reading one file or running one check.</summary>
public sealed class DiagnosticBag
{
    private readonly List<RuleDiagnostic> _items = [];

    /// <summary>Everything reported so far, in report order.</summary>
    public IReadOnlyList<RuleDiagnostic> Items => _items;

    /// <summary>True when an error was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>Reports a diagnostic at its descriptor's default level.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        _items.Add(new RuleDiagnostic(descriptor, descriptor.DefaultLevel, location, message));

    /// <summary>Adds diagnostics produced elsewhere.</summary>
    public void AddRange(IEnumerable<RuleDiagnostic> diagnostics) => _items.AddRange(diagnostics);
}
