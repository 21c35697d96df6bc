using System.Text;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Cli.Output;

/// <summary>
/// Writes classifications as JSON lines (<see cref="ClassificationJson"/>, through a
/// <see cref="ClassificationLineWriter"/>). When the output is the process's own stdout, the UTF-8 lines go straight
/// into the stdout stream, 64 KB at a time and at the end (Console.Out would encode each line again and flush it with
/// its own write call); any other writer gets each line as text when it is written. Not thread-safe: one per run.
/// </summary>
internal sealed class JsonLinesOutput : IDisposable
{
    private const int FlushAt = 1 << 16;
    private readonly TextWriter? _text;
    private readonly Stream? _stream;
    private readonly ClassificationLineWriter _lines = new();

    private JsonLinesOutput(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out))
        {
            _text = output;
            return;
        }
        Console.Out.Flush();
        _stream = Console.OpenStandardOutput();
    }

    /// <summary>An output writing to <paramref name="output"/>.</summary>
    public static JsonLinesOutput For(TextWriter output) => new(output);

    /// <summary>Writes the line of <paramref name="e"/>, classified as <paramref name="shared"/> by a <see cref="KeyedClassifier"/>.</summary>
    public void Write(BounceEvent e, BounceClassification shared)
    {
        _lines.Write(e, shared);
        if (_text is not null || _lines.Written.Length >= FlushAt) Flush();
    }

    /// <summary>Writes what is buffered.</summary>
    public void Dispose()
    {
        Flush(); // the stream is not disposed: the process's stdout stays open for anything written after
        _lines.Dispose();
    }

    private void Flush()
    {
        if (_lines.Written.IsEmpty) return;
        if (_text is not null) _text.Write(Encoding.UTF8.GetString(_lines.Written));
        else _stream!.Write(_lines.Written);
        _lines.Clear();
    }
}
