using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// Writes <see cref="ClassificationJson"/> lines, byte for byte, for events classified by a
/// <see cref="KeyedClassifier"/>: the parts that depend on the classification key alone (domain to action; rules to
/// references) are serialised once per shared classification and copied, and only the event's own fields (source,
/// index, message, recipient, diagnostic, timestamp) are written per line. Lines accumulate in
/// <see cref="Written"/> until <see cref="Clear"/>. Not thread-safe.
/// </summary>
public sealed class ClassificationLineWriter : IDisposable
{
    private const int MaxRemembered = 50_000;
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<BounceClassification, (byte[] Middle, byte[] Tail)> _parts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a writer with an empty buffer.</summary>
    public ClassificationLineWriter() => _json = new Utf8JsonWriter(_buffer, ClassificationJson.WriterOptions);

    /// <summary>The lines written since the last <see cref="Clear"/>, UTF-8, each ending in a newline.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>Forgets the lines written so far (keeps the buffer).</summary>
    public void Clear() => _buffer.ResetWrittenCount();

    /// <summary>
    /// Writes the line of <paramref name="e"/>, classified as <paramref name="shared"/> (from
    /// <see cref="KeyedClassification{T}.Classify"/> for <paramref name="e"/>): what
    /// <c>ClassificationJson.ToJsonLine</c> gives for its full classification, then a newline.
    /// </summary>
    public void Write(BounceEvent e, BounceClassification shared)
    {
        var (middle, tail) = PartsOf(shared);
        var w = _json;
        w.WriteStartObject();
        w.WriteString("source", e.Source);
        w.WriteNumber("index", e.Index);
        if (e.MessageIndex is { } m) w.WriteNumber("message", m);
        WriteNullable(w, "recipient", e.Recipient);
        w.Flush();
        _buffer.Write(middle);
        // The writer's state still says "after a value", so it puts the comma before the next property itself.
        WriteNullable(w, "diagnostic", e.Reply.Text.Length > 0 ? e.Reply.Text : null);
        w.Flush();
        _buffer.Write(tail);
        WriteNullable(w, "timestamp", e.Timestamp?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.Flush();
        w.Reset();
        _buffer.Write(NewLine);
    }

    /// <summary>Releases the JSON writer.</summary>
    public void Dispose() => _json.Dispose();

    private (byte[] Middle, byte[] Tail) PartsOf(BounceClassification c)
    {
        if (_parts.TryGetValue(c, out var parts)) return parts;
        if (_parts.Count >= MaxRemembered) _parts.Clear();
        var middle = Properties(w => ClassificationJson.WriteOutcome(w, c));
        var tail = Properties(w => ClassificationJson.WriteConclusions(w, c));
        return _parts[c] = (middle, tail);
    }

    /// <summary>The properties <paramref name="write"/> writes, as they appear after an earlier property: <c>,"a":1,"b":2</c>.</summary>
    private static byte[] Properties(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, ClassificationJson.WriterOptions))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        var json = buffer.WrittenSpan;
        var parts = new byte[json.Length - 1];
        parts[0] = (byte)',';
        json[1..^1].CopyTo(parts.AsSpan(1));
        return parts;
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
