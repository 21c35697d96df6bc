using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>
/// An MTA log followed as it is written (<c>dbot ingest --follow</c>, the server's log watcher), across rotation: a
/// rename (the path gets a new inode: the old file is read to its end, last unterminated line included, before the new
/// one is opened), a copy and truncate (the file shrinks or its first bytes change: it is read again from its start), and
/// gzip of the rotated file. Each chunk carries the position after its lines; on a restart the source resumes there, in
/// the rotated file (found by inode, or by the fingerprint of its first bytes, gzipped or not) when the log was rotated
/// meanwhile, after reading <see cref="FollowOptions.WarmUpBytes"/> before it again to rebuild the per-queue-id state.
/// </summary>
public sealed class FollowedLogSource : IEvidenceSource
{
    private readonly string _path;
    private readonly FollowOptions _options;
    private readonly MtaLogParser _parser;
    private readonly ISourcePositions? _positions;
    private readonly Action<string>? _notice;

    /// <summary>Follows <paramref name="path"/>.</summary>
    /// <param name="path">The log's path (its events' source, as <c>dbot ingest PATH</c> gives).</param>
    /// <param name="options">Polling, chunk size, warm-up, line limit.</param>
    /// <param name="parser">The log parser (default: Postfix, Exim, sendmail, no sending map).</param>
    /// <param name="positions">Where the position was saved last time, or null to start at the file's start.</param>
    /// <param name="notice">Hears what happened to the file (rotated, truncated, resumed), for the operator.</param>
    public FollowedLogSource(string path, FollowOptions? options = null, MtaLogParser? parser = null, ISourcePositions? positions = null, Action<string>? notice = null)
    {
        _path = path;
        _options = options ?? new FollowOptions();
        _parser = parser ?? new MtaLogParser();
        _positions = positions;
        _notice = notice;
        Key = KeyFor(path);
    }

    /// <inheritdoc />
    public string Origin => "follow";

    /// <summary>The key its position is saved under: <c>follow:</c> and the full path.</summary>
    public string Key { get; }

    /// <summary>The position key of a followed <paramref name="path"/>.</summary>
    public static string KeyFor(string path) => "follow:" + System.IO.Path.GetFullPath(path);

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var log = _parser.Start(_path);
        var events = new List<BounceEvent>(_options.ChunkEvents);
        FollowedFile? file = null;
        var rotated = false; // the open file is no longer the path's: read it to its end, then switch
        try
        {
            (file, rotated) = await ResumeAsync(log, cancellationToken).ConfigureAwait(false);
            var given = file?.Offset ?? -1;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (file is null)
                {
                    file = TryOpen(_path);
                    rotated = false;
                    given = -1;
                    if (file is null)
                    {
                        await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }
                // Every complete line there is now, a chunk at a time.
                while (file.TryReadLine(out var line))
                {
                    log.Read(line, events);
                    if (events.Count < _options.ChunkEvents) continue;
                    yield return Chunk(file, ref events);
                    given = file.Offset;
                }
                if (events.Count > 0 || file.Offset != given)
                {
                    yield return Chunk(file, ref events);
                    given = file.Offset;
                }
                switch (rotated ? Change.Renamed : Check(file))
                {
                    case Change.Renamed when rotated:
                        // Read to its end once more (the writer may have added lines before it reopened), then switch.
                        if (file.TakePartial() is { } last) log.Read(last, events);
                        if (events.Count > 0) yield return Chunk(file, ref events);
                        _notice?.Invoke($"{_path}: finished the rotated file at byte {file.Offset}; reading the new {_path}");
                        file.Dispose();
                        file = null;
                        continue;
                    case Change.Renamed:
                        // Not switched yet: lines the writer adds to the old file before it reopens are read first.
                        rotated = true;
                        _notice?.Invoke($"{_path}: rotated (renamed); reading the old file to its end first");
                        continue;
                    case Change.Truncated:
                        // copytruncate: lines written after the last read and before the truncation are in the copy.
                        var at = file.Position(refreshHead: false);
                        file.Dispose();
                        file = null;
                        if (at.Offset > 0 && OpenAt(at, log, warmUp: 0, includePath: false, cancellationToken) is { } copy)
                        {
                            (file, rotated) = copy;
                            given = file.Offset;
                            _notice?.Invoke($"{_path}: truncated (copytruncate) at byte {at.Offset}; finishing the copy {copy.File.Path} first");
                        }
                        else
                        {
                            _notice?.Invoke($"{_path}: truncated (copytruncate) at byte {at.Offset}; reading it again from its start");
                        }
                        continue;
                }
                await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            file?.Dispose();
        }
    }

    private SourceChunk Chunk(FollowedFile file, ref List<BounceEvent> events)
    {
        var chunk = new SourceChunk(_path, events, new SourcePosition(Key, file.Position().ToString()));
        events = new List<BounceEvent>(_options.ChunkEvents);
        return chunk;
    }

    private enum Change
    {
        None,
        Renamed,
        Truncated,
    }

    // What happened to the path since the open file was opened: a new file there (rename), or this one cut short.
    private Change Check(FollowedFile file)
    {
        if (file.Compressed) return Change.Renamed; // a gzip found on resume is never written again
        var now = FileIdentity.Of(_path);
        if (now is null)
        {
            // Gone (moved away, not yet recreated) or not told (not Linux): a missing path is a rename in progress.
            if (!File.Exists(_path)) return Change.None;
        }
        else if (file.Identity is { } open && (now.Value.Device != open.Device || now.Value.Inode != open.Inode))
        {
            return Change.Renamed;
        }
        try
        {
            return file.Truncated || file.Length < file.Offset || !file.HeadUnchanged() ? Change.Truncated : Change.None;
        }
        catch (IOException)
        {
            return Change.None;
        }
    }

    private FollowedFile? TryOpen(string path)
    {
        try
        {
            return FollowedFile.Open(path, _options.MaxLineBytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    // Where to start: the saved position's file (the path, or the rotated file it became) at its offset, the state of the
    // lines before rebuilt; else the path from its start.
    private async Task<(FollowedFile? File, bool Rotated)> ResumeAsync(LogLines log, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var saved = FollowPosition.Parse(_positions?.Get(Key));
        if (saved is null || saved.Offset == 0) return (TryOpen(_path), false);
        if (OpenAt(saved, log, _options.WarmUpBytes, includePath: true, cancellationToken) is { } found)
        {
            if (found.Rotated) _notice?.Invoke($"{_path}: rotated while stopped; finishing {found.File.Path} from byte {saved.Offset} first");
            return found;
        }
        _notice?.Invoke($"{_path}: the file last read (to byte {saved.Offset}) is gone or was truncated; reading {_path} from its start");
        return (TryOpen(_path), false);
    }

    // The file that starts like the one at 'saved' and is at least that long (the path itself when includePath, else a
    // rotated copy of it), opened at the saved offset with up to 'warmUp' bytes before it read again for their state.
    private (FollowedFile File, bool Rotated)? OpenAt(FollowPosition saved, LogLines log, long warmUp, bool includePath, CancellationToken cancellationToken)
    {
        foreach (var (candidate, rotated) in Candidates())
        {
            if (!rotated && !includePath) continue;
            cancellationToken.ThrowIfCancellationRequested();
            FollowedFile? file = null;
            try
            {
                file = rotated && candidate.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                    ? FollowedFile.OpenGzip(candidate, _options.MaxLineBytes)
                    : FollowedFile.Open(candidate, _options.MaxLineBytes);
                if (!file.StartsLike(saved) || (!file.Compressed && file.Length < saved.Offset))
                {
                    file.Dispose();
                    continue;
                }
                var discard = new List<BounceEvent>();
                // Lines before the saved offset are parsed for their state only: their events are stored already.
                if (!file.SkipTo(saved.Offset, Math.Max(0, saved.Offset - warmUp), line => { if (warmUp > 0) { discard.Clear(); log.Read(line, discard); } }))
                {
                    file.Dispose();
                    continue;
                }
                return (file, rotated);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                file?.Dispose();
            }
        }
        return null;
    }

    // The path itself, then the files beside it whose names start with its name (mail.log.1, mail.log-20261201.gz, ...).
    private IEnumerable<(string Path, bool Rotated)> Candidates()
    {
        yield return (_path, false);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path))!;
        var name = System.IO.Path.GetFileName(_path);
        string[] siblings;
        try
        {
            siblings = Directory.GetFiles(folder, name + "*");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        // Most recent rotation first: mail.log.1 before mail.log.2.gz.
        foreach (var sibling in siblings.Where(s => s != System.IO.Path.GetFullPath(_path)).OrderByDescending(File.GetLastWriteTimeUtc))
            yield return (sibling, true);
    }
}
