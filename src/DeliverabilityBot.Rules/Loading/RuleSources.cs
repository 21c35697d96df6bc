using System.Reflection;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Where rule files come from: a folder on disk (<c>--rules DIR</c>, <c>DBOT_RULES</c>) or the rule set embedded in
/// this assembly (the repository's <c>rules/**/*.yaml</c>). The stage-2 <c>diagnosis/</c> folder and the <c>mta/</c>
/// folder (what to change in the MTA) are not classification rules and are skipped. Files are returned sorted by path, so load order (and any tie) is deterministic.
/// </summary>
public static class RuleSources
{
    /// <summary>The environment variable that points the tools at a rules folder.</summary>
    public const string EnvironmentVariable = "DBOT_RULES";

    private const string ResourcePrefix = "rules/";

    /// <summary>The YAML files under <paramref name="directory"/> (recursively), shown relative to it as given.</summary>
    public static IReadOnlyList<RuleSourceFile> FromDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"rules folder '{directory}' does not exist");
        var shown = directory.Replace('\\', '/').TrimEnd('/');
        return Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(full, f).Replace('\\', '/')))
            .Where(f => !IsDiagnosis(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new RuleSourceFile(shown.Length == 0 ? f.Relative : $"{shown}/{f.Relative}", new FileInfo(f.Full).Length, () => File.OpenRead(f.Full)))
            .ToArray();
    }

    /// <summary>The rule files embedded in this assembly, shown as <c>rules/...</c>.</summary>
    public static IReadOnlyList<RuleSourceFile> Embedded()
    {
        var asm = typeof(RuleSources).Assembly;
        return EmbeddedNames(asm)
            .Where(n => !IsDiagnosis(n[ResourcePrefix.Length..]))
            .Select(n => new RuleSourceFile(n, asm.GetManifestResourceInfo(n) is null ? 0 : ResourceLength(asm, n), () => asm.GetManifestResourceStream(n)!))
            .ToArray();
    }

    /// <summary>Every embedded file under <c>rules/</c> (including <c>diagnosis/</c>), sorted; for the stage-2 loader.</summary>
    public static IReadOnlyList<string> EmbeddedNames() => EmbeddedNames(typeof(RuleSources).Assembly).ToArray();

    /// <summary>Opens an embedded file by its name from <see cref="EmbeddedNames()"/>.</summary>
    public static Stream OpenEmbedded(string name) =>
        typeof(RuleSources).Assembly.GetManifestResourceStream(name) ?? throw new FileNotFoundException($"no embedded rule file '{name}'");

    /// <summary><c>--rules DIR</c> if given, else <c>DBOT_RULES</c> if set, else the embedded set.</summary>
    public static IReadOnlyList<RuleSourceFile> Resolve(string? directory) =>
        ResolvesToEmbedded(directory) ? Embedded() : FromDirectory((directory ?? Environment.GetEnvironmentVariable(EnvironmentVariable))!);

    /// <summary>True when <see cref="Resolve"/> gives the embedded set: no <paramref name="directory"/> and no <c>DBOT_RULES</c>.</summary>
    public static bool ResolvesToEmbedded(string? directory) =>
        string.IsNullOrWhiteSpace(directory ?? Environment.GetEnvironmentVariable(EnvironmentVariable));

    private static IEnumerable<string> EmbeddedNames(Assembly asm) => asm.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && (n.EndsWith(".yaml", StringComparison.Ordinal) || n.EndsWith(".yml", StringComparison.Ordinal)))
        .OrderBy(n => n, StringComparer.Ordinal);

    private static long ResourceLength(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name);
        return s?.Length ?? 0;
    }

    // diagnosis/ (stage 2) and mta/ (what to change in the MTA) are read by their own loaders.
    private static bool IsDiagnosis(string relative) =>
        relative.StartsWith("diagnosis/", StringComparison.OrdinalIgnoreCase) || relative.StartsWith("mta/", StringComparison.OrdinalIgnoreCase);
}
