namespace DeliverabilityBot.Tests.Shared;

/// <summary>Locates the repository and the optional <c>../shared</c> folder for tests.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding <c>DeliverabilityBot.sln</c>).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>A path below the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>The <c>shared</c> folder beside the repository, or null where it is absent (a user's clone).</summary>
    public static string? SharedDir
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    /// <summary>
    /// Returns the <c>shared</c> folder, or skips the test with a clear message where it is absent;
    /// where <c>CI=true</c> its absence is a failure, so CI can never pass by skipping.
    /// </summary>
    public static string RequireShared(params string[] parts)
    {
        var shared = SharedDir;
        if (shared is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("CI=true but ../shared (the bounce corpus beside the repository) is missing.");
            Skip.If(true, "../shared is absent (it ships beside the repository for developers and CI, not in a user's clone); skipping.");
        }
        var path = Path.Combine([shared!, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Expected '{path}' in ../shared.");
        return path;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DeliverabilityBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find DeliverabilityBot.sln above " + AppContext.BaseDirectory);
    }
}
