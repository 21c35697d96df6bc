namespace DeliverabilityBot.Cli.Output;

/// <summary>
/// A one-line progress bar on stderr for long runs, shown only when stderr is an interactive terminal and the run
/// has enough files to be worth it; otherwise every call does nothing.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private const int MinimumFiles = 200;
    private const int Width = 30;
    private readonly TextWriter? _writer;
    private readonly int _total;
    private int _done;
    private int _lastDrawn = -1;

    private ProgressBar(TextWriter? writer, int total)
    {
        _writer = writer;
        _total = total;
    }

    /// <summary>A bar for <paramref name="total"/> files, drawn on <paramref name="error"/> when it is the terminal.</summary>
    public static ProgressBar ForFiles(int total, TextWriter error, bool enabled)
    {
        var show = enabled && total >= MinimumFiles && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        return new ProgressBar(show ? error : null, total);
    }

    /// <summary>One more file done.</summary>
    public void Advance()
    {
        if (_writer is null) return;
        _done++;
        var filled = (int)((long)Width * _done / _total);
        if (filled == _lastDrawn) return;
        _lastDrawn = filled;
        _writer.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {_done:N0}/{_total:N0} files");
    }

    /// <summary>Erases the bar (before other stderr output, and at the end).</summary>
    public void Clear()
    {
        if (_writer is null || _lastDrawn < 0) return;
        _writer.Write("\r" + new string(' ', Width + 40) + "\r");
        _lastDrawn = -1;
    }

    /// <inheritdoc />
    public void Dispose() => Clear();
}
