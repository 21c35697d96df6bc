using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Reads every file under the given paths, in parallel, results in path order (so output is reproducible) and at
/// most <c>2 x ChunkPerThread</c> files per thread ahead of the consumer (so memory stays flat however many files there are).
/// A path that does not exist or a file that cannot be read becomes a failed result; the run goes on.
/// </summary>
public sealed class EvidenceBatch
{
    /// <summary>
    /// Files per reading thread in a chunk: at most two chunks' worth of files are read ahead of the consumer (taken,
    /// read or held). Enough to keep the threads busy past one slow file or a slow consumer, small enough to stay flat.
    /// </summary>
    public const int ChunkPerThread = 32;

    private readonly EvidenceFileReader _reader;
    private readonly int _parallelism;

    /// <summary>Creates a batch reader.</summary>
    /// <param name="limits">Input limits (default: <see cref="IngestionLimits.Default"/>).</param>
    /// <param name="parallelism">Files read at once (default: the processor count).</param>
    /// <param name="leaveLogsFrom">MTA logs at least this long are left unread, for the caller to stream (see <see cref="EvidenceFileReader"/>).</param>
    public EvidenceBatch(IngestionLimits? limits = null, int? parallelism = null, long? leaveLogsFrom = null)
    {
        _reader = new EvidenceFileReader(limits, leaveLogsFrom);
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    /// <summary>Reads every file under <paramref name="paths"/>; lazily, in path order.</summary>
    public IEnumerable<FileReadResult> Read(IEnumerable<string> paths) => ReadAndMap(EvidencePaths.Expand(paths), r => r);

    /// <summary>
    /// Reads every file in <paramref name="files"/> (from <see cref="EvidencePaths.Expand"/>) and maps each result on
    /// the reading thread, so per-result work (classification) runs in parallel too; results stay in path order.
    /// </summary>
    public IEnumerable<T> ReadAndMap<T>(IEnumerable<(string Path, string? Problem)> files, Func<FileReadResult, T> map)
    {
        if (_parallelism == 1) return files.SelectMany(ReadOne).Select(map);
        return OrderedParallel.Map(files, f => ReadOne(f).Select(map).ToList(), _parallelism, 2 * _parallelism * ChunkPerThread)
            .SelectMany(results => results);
    }

    private IEnumerable<FileReadResult> ReadOne((string Path, string? Problem) file)
    {
        if (file.Problem is not null) return [new FileReadResult(file.Path, Array.Empty<BounceEvent>(), file.Problem)];
        try
        {
            return _reader.Read(file.Path).ToList();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last line of defence: one file's unexpected failure is reported, never the end of the run.
            return [new FileReadResult(file.Path, Array.Empty<BounceEvent>(), $"{file.Path}: unexpected error while reading: {ex.GetType().Name}: {ex.Message}")];
        }
    }
}
