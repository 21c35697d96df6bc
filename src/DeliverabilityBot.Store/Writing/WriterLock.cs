namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// One writer per data folder at a time, across processes: an exclusive lock on <c>write.lock</c> in the folder, held
/// for a writer's lifetime. A second <c>dbot ingest</c> into the same folder waits for the first (and says so) instead
/// of interleaving its batches: every table an ingest writes, whoever adds them, is covered. The operating system
/// drops the lock when its holder exits, a crash included, so a stale lock file never blocks anyone.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    /// <summary>The lock file's name inside the data folder.</summary>
    public const string FileName = "write.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _file;

    private WriterLock(FileStream file) => _file = file;

    /// <summary>
    /// Takes the lock on <paramref name="dataDirectory"/>, waiting as long as another writer holds it;
    /// <paramref name="waiting"/> hears once when this has to wait.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    /// <exception cref="StoreException">The lock file cannot be created at all.</exception>
    public static WriterLock Acquire(string dataDirectory, Action<string>? waiting, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix and a share-mode lock on Windows.
                return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!told)
                {
                    waiting?.Invoke($"{dataDirectory}: another dbot is writing to this data folder; waiting for it to finish (Ctrl+C to stop)");
                    told = true;
                }
                cancellationToken.WaitHandle.WaitOne(Poll);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"{path}: cannot create the writer lock: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Takes the lock on <paramref name="dataDirectory"/> if no one holds it; null when another writer does.</summary>
    /// <exception cref="StoreException">The lock file cannot be created at all.</exception>
    public static WriterLock? TryAcquire(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{path}: cannot create the writer lock: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
