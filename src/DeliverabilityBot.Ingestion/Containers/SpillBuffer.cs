namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Bytes written once and then read back from the start: held in memory up to <see cref="MemoryBytes"/>, past that in a
/// temporary file deleted on dispose. An email of up to the per-email limit read from an mbox, a pipe or a gzip so costs
/// at most 1 MB of memory, not a growing buffer of up to twice the limit (the doubling copies of a MemoryStream, left
/// behind in the large object heap). Where no temporary file can be made (a read-only file system without a writable
/// temp folder), it stays in memory as before.
/// </summary>
internal sealed class SpillBuffer : IDisposable
{
    /// <summary>Bytes held in memory before spilling to a temporary file.</summary>
    public const int MemoryBytes = 1 << 20;

    private MemoryStream? _memory = new();
    private FileStream? _file;
    private bool _reading;

    /// <summary>Bytes written.</summary>
    public long Length => _file?.Length ?? _memory?.Length ?? 0;

    /// <summary>True once the bytes went to a temporary file.</summary>
    public bool Spilled => _file is not null;

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(_memory is null && _file is null, this);
        if (_reading) throw new InvalidOperationException("the buffer is being read");
        if (_file is null && _memory!.Length + bytes.Length > MemoryBytes && TrySpill()) { }
        if (_file is not null) _file.Write(bytes);
        else _memory!.Write(bytes);
    }

    /// <summary>The bytes written, from the first; the stream belongs to this buffer (dispose the buffer, not the stream).</summary>
    public Stream Read()
    {
        _reading = true;
        Stream stream = (Stream?)_file ?? _memory ?? throw new ObjectDisposedException(nameof(SpillBuffer));
        stream.Flush();
        stream.Position = 0;
        return stream;
    }

    private bool TrySpill()
    {
        FileStream file;
        try
        {
            file = new FileStream(Path.Combine(Path.GetTempPath(), $"dbot-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        _memory!.Position = 0;
        _memory.CopyTo(file);
        _memory.Dispose();
        _memory = null;
        _file = file;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _memory?.Dispose();
        _memory = null;
        _file?.Dispose();
        _file = null;
    }
}
