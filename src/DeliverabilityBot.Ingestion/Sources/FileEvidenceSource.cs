using System.Runtime.CompilerServices;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>
/// Files, folders, mboxes, logs, gzip files and stdin read once (<c>dbot ingest PATH...</c>), through
/// <see cref="EvidenceFileReader.ReadInSlices"/>: logs and mboxes stream in chunks, never held whole. Counts what it
/// read for the ingest's summary and progress (read from another thread while it runs).
/// </summary>
public sealed class FileEvidenceSource : IEvidenceSource
{
    private readonly IReadOnlyList<(string Path, long Length)> _inputs;
    private readonly EvidenceFileReader _reader;
    private readonly int _chunkSize;
    private long _bytesDone;

    /// <summary>Creates the source over <paramref name="inputs"/> (expanded paths with the lengths progress counts).</summary>
    public FileEvidenceSource(IReadOnlyList<(string Path, long Length)> inputs, EvidenceFileReader reader, int chunkSize)
    {
        _inputs = inputs;
        _reader = reader;
        _chunkSize = chunkSize;
        TotalBytes = inputs.Sum(f => f.Length);
    }

    /// <inheritdoc />
    public string Origin => "ingest";

    /// <summary>Bytes of all inputs (what progress counts towards).</summary>
    public long TotalBytes { get; }

    /// <summary>Bytes consumed so far (up to a read buffer ahead of the events given).</summary>
    public long BytesDone => Volatile.Read(ref _bytesDone);

    /// <summary>The input being read.</summary>
    public string Current { get; private set; } = "";

    /// <summary>Inputs read without an error.</summary>
    public int Files { get; private set; }

    /// <summary>Bytes read: a file's length, or what was read of stdin or a pipe.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (path, length) in _inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Current = path;
            var before = BytesDone;
            var read = true;
            var consumedHere = 0L;
            foreach (var slice in _reader.ReadInSlices(path, _chunkSize, consumed => Volatile.Write(ref _bytesDone, before + Math.Min(consumedHere = consumed, length))))
            {
                if (slice.Error is { } problem) read = false;
                yield return new SourceChunk(path, slice.Events, Problem: slice.Error);
            }
            if (read) Files++;
            Volatile.Write(ref _bytesDone, before + length);
            // Stdin and pipes have no length to count beforehand: what was read of them counts.
            BytesRead += Math.Max(length, consumedHere);
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
