namespace DeliverabilityBot.Rules.Loading;

/// <summary>One rule file to load: its display path, its size, and how to read it.</summary>
/// <param name="DisplayPath">The path shown in diagnostics, with '/' separators.</param>
/// <param name="Length">Size in bytes (checked against the limit before reading).</param>
/// <param name="Open">Opens the content.</param>
public sealed record RuleSourceFile(string DisplayPath, long Length, Func<Stream> Open);
