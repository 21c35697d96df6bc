namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Expands the paths given on a command line into files: a file is itself; a folder (a maildir too: its
/// <c>cur/</c>, <c>new/</c>, <c>tmp/</c>) is walked recursively in ordinal order, so runs are reproducible.
/// </summary>
public static class EvidencePaths
{
    /// <summary>The path that means standard input (a file called <c>-</c> is <c>./-</c>).</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// Each file under <paramref name="paths"/>, or a problem for a path that does not exist. YAML and Markdown files
    /// and hidden entries found in folders are skipped (fixture expectations, notes and VCS data kept beside evidence
    /// are not bounces); named explicitly, a file is always read. <see cref="StandardInput"/> is itself, once: it can
    /// be read only once, so a second one is a problem.
    /// </summary>
    public static IEnumerable<(string Path, string? Problem)> Expand(IEnumerable<string> paths)
    {
        var standardInput = false;
        foreach (var p in paths)
        {
            if (p == StandardInput)
            {
                yield return (p, standardInput ? $"{p}: standard input is given more than once; it can be read only once" : null);
                standardInput = true;
            }
            else if (File.Exists(p))
            {
                yield return (p, null);
            }
            else if (Directory.Exists(p))
            {
                foreach (var f in Walk(p)) yield return f;
            }
            else
            {
                yield return (p, $"{p}: no such file or folder");
            }
        }
    }

    private static IEnumerable<(string Path, string? Problem)> Walk(string dir)
    {
        string[] files, dirs;
        try
        {
            files = Directory.GetFiles(dir);
            dirs = Directory.GetDirectories(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            files = dirs = [];
            _ = ex.Message;
        }
        if (files.Length == 0 && dirs.Length == 0 && !CanList(dir))
        {
            yield return (dir, $"{dir}: folder cannot be listed");
            yield break;
        }
        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(dirs, StringComparer.Ordinal);
        foreach (var f in files)
            if (!Path.GetFileName(f).StartsWith('.') && !IsDocument(f)) yield return (f, null);
        foreach (var d in dirs)
            if (!Path.GetFileName(d).StartsWith('.'))
                foreach (var f in Walk(d)) yield return f;
    }

    private static bool IsDocument(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static bool CanList(string dir)
    {
        try { _ = Directory.EnumerateFileSystemEntries(dir).Any(); return true; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }
}
