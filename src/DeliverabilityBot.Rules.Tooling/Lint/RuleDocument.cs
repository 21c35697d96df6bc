using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>A companion markdown document of the rules folder (the release ledger, the id ranges), with its display path.</summary>
public sealed record RuleDocument(string Path, string Text)
{
    /// <summary>The release ledger's file name.</summary>
    public const string Ledger = "RELEASES.md";

    /// <summary>The id ranges' file name.</summary>
    public const string IdRanges = "ID-RANGES.md";

    private const string ResourcePrefix = "rules/";

    /// <summary>
    /// The companion document <paramref name="name"/> (<see cref="Ledger"/>, <see cref="IdRanges"/>) of the rules folder
    /// <paramref name="directory"/>, else of <c>DBOT_RULES</c>, else the copy embedded in this assembly (the repository's,
    /// matching the embedded rule set); null when absent.
    /// </summary>
    public static RuleDocument? Companion(string? directory, string name)
    {
        var dir = string.IsNullOrWhiteSpace(directory) ? Environment.GetEnvironmentVariable(RuleSources.EnvironmentVariable) : directory;
        if (!string.IsNullOrWhiteSpace(dir))
        {
            var path = System.IO.Path.Combine(dir, name);
            return File.Exists(path) ? new RuleDocument($"{dir.Replace('\\', '/').TrimEnd('/')}/{name}", File.ReadAllText(path)) : null;
        }
        using var stream = typeof(RuleDocument).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return new RuleDocument(ResourcePrefix + name, reader.ReadToEnd());
    }
}
