namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>An MTA or deployment configuration that cannot be read: the message names the file and line.</summary>
public sealed class MtaConfigException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> at <paramref name="line"/> (0: the whole file).</summary>
    public MtaConfigException(string file, int line, string message)
        : base(line > 0 ? $"{file}({line}): {message}" : $"{file}: {message}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 for the whole file.</summary>
    public int Line { get; }
}
