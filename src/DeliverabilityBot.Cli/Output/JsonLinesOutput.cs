using System.Text;
using System.Text.Json;
using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Cli.Output;

/// <summary>
/// Writes classifications as JSON lines (<see cref="ClassificationJson"/>). When the output is the process's own
/// stdout, UTF-8 goes straight from the JSON writer into one buffered stdout stream, flushed when full and at the end
/// (Console.Out would encode each line again and flush it with its own write call); any other writer gets the same
/// lines as text. Not thread-safe: one writer per run.
/// </summary>
internal sealed class JsonLinesOutput : IDisposable
{
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);
    private readonly TextWriter? _text;
    private readonly Stream? _stream;
    private readonly Utf8JsonWriter? _json;

    private JsonLinesOutput(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out))
        {
            _text = output;
            return;
        }
        Console.Out.Flush();
        _stream = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        _json = new Utf8JsonWriter(_stream, ClassificationJson.WriterOptions);
    }

    /// <summary>An output writing to <paramref name="output"/>.</summary>
    public static JsonLinesOutput For(TextWriter output) => new(output);

    /// <summary>Writes one line.</summary>
    public void Write(BounceClassification c)
    {
        if (_text is not null)
        {
            _text.WriteLine(ClassificationJson.ToJsonLine(c));
            return;
        }
        ClassificationJson.Write(_json!, c);
        _json!.Flush();
        _stream!.Write(NewLine);
        _json.Reset();
    }

    /// <summary>Flushes what is buffered.</summary>
    public void Dispose()
    {
        if (_stream is null) return;
        _json!.Dispose();
        _stream.Flush(); // not disposed: the process's stdout stays open for anything written after
    }
}
