namespace DeliverabilityBot.Ingestion.Tests.Properties;

/// <summary>A temporary folder for generated hostile inputs, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dbot-hostile-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="size"/> bytes made by repeating <paramref name="chunk"/>, streamed to disk.</summary>
    public string WriteRepeated(string name, byte[] chunk, long size)
    {
        var file = System.IO.Path.Combine(Path, name);
        using var stream = File.Create(file);
        for (long written = 0; written < size; written += chunk.Length)
            stream.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
        return file;
    }

    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // best effort: the OS temp cleaner gets the rest
    }
}
