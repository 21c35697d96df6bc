using System.Text;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Mime;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Reads one file of evidence, whatever it holds: an email, an mbox (one result per message), an MTA log
/// (streamed), or pasted text. Problems become results with an error naming the path; nothing throws for bad input.
/// </summary>
public sealed class EvidenceFileReader
{
    private readonly IngestionLimits _limits;

    /// <summary>Creates a reader with the given limits (default: <see cref="IngestionLimits.Default"/>).</summary>
    public EvidenceFileReader(IngestionLimits? limits = null) => _limits = limits ?? IngestionLimits.Default;

    /// <summary>Reads <paramref name="path"/>; <paramref name="source"/> (default: the path) is put on every event.</summary>
    public IEnumerable<FileReadResult> Read(string path, string? source = null)
    {
        source ??= path;
        byte[] head;
        long length;
        try
        {
            using var probe = File.OpenRead(path);
            length = probe.Length;
            head = new byte[(int)Math.Min(InputSniffer.SniffBytes, length)];
            probe.ReadExactly(head);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return [Failure(path, $"cannot be read: {ex.Message}")];
        }
        return InputSniffer.Sniff(head) switch
        {
            InputKind.Mbox => Guard(path, length, _limits.MaxStreamBytes, () => ReadMbox(path, source, InputSniffer.IsCrOnly(head))),
            InputKind.Log => Guard(path, length, _limits.MaxStreamBytes, () => [ReadLog(path, source)]),
            InputKind.Email => Guard(path, length, _limits.MaxMessageBytes, () => [ReadEmail(path, source, InputSniffer.IsCrOnly(head))]),
            _ => Guard(path, length, _limits.MaxMessageBytes, () => [ReadText(path, source)]),
        };
    }

    private static IEnumerable<FileReadResult> Guard(string path, long length, long limit, Func<IEnumerable<FileReadResult>> read)
    {
        if (length > limit) return [Failure(path, $"is {Megabytes(length)} MB, over the {Megabytes(limit)} MB limit for this kind of input")];
        return read();
    }

    private FileReadResult ReadEmail(string path, string source, bool crOnly)
    {
        try
        {
            using var stream = OpenNormalized(path, crOnly);
            var message = MimeMessage.Load(_limits.ParserOptions, stream);
            return new FileReadResult(path, BounceMessageReader.Read(message, source));
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"is not a readable email: {ex.Message}");
        }
    }

    private IEnumerable<FileReadResult> ReadMbox(string path, string source, bool crOnly)
    {
        Stream? stream = null;
        string? openError = null;
        try { stream = OpenNormalized(path, crOnly); }
        catch (Exception ex) when (IsInputProblem(ex)) { openError = ex.Message; }
        if (stream is null)
        {
            yield return Failure(path, $"cannot be read: {openError}");
            yield break;
        }
        using (stream)
        {
            var parser = new MimeParser(_limits.ParserOptions, stream, MimeFormat.Mbox);
            for (var index = 1; ; index++)
            {
                var result = NextMessage(parser, path, source, index);
                if (result is null) break;
                yield return result;
                // A broken mbox framing cannot be delimited further: report where, and stop.
                if (!result.Succeeded) break;
            }
        }
    }

    private static FileReadResult? NextMessage(MimeParser parser, string path, string source, int index)
    {
        try
        {
            if (parser.IsEndOfStream) return null;
            var message = parser.ParseMessage();
            // A single email saved with its mbox "From " line (common in maildir exports) is an email, not an mbox.
            int? position = index == 1 && parser.IsEndOfStream ? null : index;
            return new FileReadResult(path, BounceMessageReader.Read(message, source, position), null, position);
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"message {index} is not readable: {ex.Message}", index);
        }
    }

    private FileReadResult ReadLog(string path, string source)
    {
        try
        {
            var events = new MtaLogParser().Parse(ReadLines(path), source).ToList();
            return new FileReadResult(path, events);
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"cannot be read as a log: {ex.Message}");
        }
    }

    private FileReadResult ReadText(string path, string source)
    {
        try
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            return new FileReadResult(path, TextEvidenceParser.Parse(text, null, source));
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"cannot be read: {ex.Message}");
        }
    }

    private IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        while (reader.ReadLine() is { } line)
            yield return line.Length > _limits.MaxLineLength ? line[.._limits.MaxLineLength] : line;
    }

    private static Stream OpenNormalized(string path, bool crOnly)
    {
        if (!crOnly) return File.OpenRead(path);
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == '\r') bytes[i] = (byte)'\n';
        return new MemoryStream(bytes, writable: false);
    }

    private static bool IsInputProblem(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or FormatException or ParseException
            or InvalidOperationException or ArgumentException or NotSupportedException or DecoderFallbackException;

    private static FileReadResult Failure(string path, string why, int? messageIndex = null) =>
        new(path, Array.Empty<BounceEvent>(), $"{path}: {why}", messageIndex);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
