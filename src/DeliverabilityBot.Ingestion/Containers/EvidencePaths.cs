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
    /// The name of the history database in a dbot data folder (the store's <c>StoreOptions.DatabaseFileName</c>): a
    /// folder holding it is a data folder, never evidence.
    /// </summary>
    public const string DataFolderMarker = "dbot.db";

    /// <summary>
    /// Each file under <paramref name="paths"/>, or a problem for a path that does not exist. YAML and Markdown files
    /// and hidden entries found in folders are skipped (fixture expectations, notes and VCS data kept beside evidence
    /// are not bounces); so are FIFOs, sockets and devices found in folders (reading one would wait forever or never
    /// end), a folder or file reached a second time (a symbolic link loop, or two links to one log: told by device and
    /// inode), dbot data folders inside the folders walked (<paramref name="dataFolders"/>, and any folder holding
    /// <see cref="DataFolderMarker"/>), and the store's own files wherever they are. Named explicitly, a file is always
    /// read (a pipe too) unless it is one of the store's files. <see cref="StandardInput"/>
    /// is itself, once: it can be read only once, so a second one is a problem.
    /// </summary>
    public static IEnumerable<(string Path, string? Problem)> Expand(IEnumerable<string> paths, IEnumerable<string>? dataFolders = null)
    {
        var walk = new WalkState(dataFolders);
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
                if (walk.IsStoreFile(p)) yield return (p, $"{p}: is dbot's history store, not evidence; not read");
                else if (walk.FirstVisit(p)) yield return (p, null);
            }
            else if (Directory.Exists(p))
            {
                foreach (var f in Walk(p, walk)) yield return f;
            }
            else
            {
                yield return (p, $"{p}: no such file or folder");
            }
        }
    }

    private static IEnumerable<(string Path, string? Problem)> Walk(string dir, WalkState walk)
    {
        if (!walk.FirstVisit(dir)) yield break;
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
            if (!Path.GetFileName(f).StartsWith('.') && !IsDocument(f) && !walk.IsStoreFile(f) && WalkState.IsRegularFile(f) && walk.FirstVisit(f)) yield return (f, null);
        foreach (var d in dirs)
            if (!Path.GetFileName(d).StartsWith('.') && !walk.IsDataFolder(d))
                foreach (var f in Walk(d, walk)) yield return f;
    }

    /// <summary>What one expansion has seen: files and folders by device and inode, and the data folders to leave out.</summary>
    private sealed class WalkState(IEnumerable<string>? dataFolders)
    {
        private readonly HashSet<(ulong, ulong)> _seen = [];
        private readonly HashSet<(ulong, ulong)> _dataFolders =
            (dataFolders ?? []).Select(FileIdentity.Of).OfType<FileIdentity>().Select(i => (i.Device, i.Inode)).ToHashSet();
        private readonly HashSet<string> _dataFolderPaths =
            (dataFolders ?? []).Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).ToHashSet(StringComparer.Ordinal);

        /// <summary>False when the file or folder was reached before (where identities can be told).</summary>
        public bool FirstVisit(string path) => FileIdentity.Of(path) is not { } id || _seen.Add((id.Device, id.Inode));

        /// <summary>False for a FIFO, a socket or a device.</summary>
        public static bool IsRegularFile(string path) => FileIdentity.Of(path) is not { } id || id.Type == FileIdentity.Kind.File;

        public bool IsDataFolder(string dir) =>
            File.Exists(Path.Combine(dir, DataFolderMarker))
            || (FileIdentity.Of(dir) is { } id ? _dataFolders.Contains((id.Device, id.Inode)) : _dataFolderPaths.Contains(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir))));

        /// <summary>The store's own files (database, its WAL and journal, the writer lock) in a data folder.</summary>
        public bool IsStoreFile(string file) =>
            Path.GetFileName(file) is var name && (name.StartsWith(DataFolderMarker, StringComparison.Ordinal) || name == "write.lock")
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } parent && IsDataFolder(parent);
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
