using System.Runtime.CompilerServices;
using System.Text;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Mime;
using MimeKit;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// One input file as a stream of events: MTA logs are streamed line by line (a million-line log never sits
/// in memory), an mbox message by message, anything else (an email, a DSN, pasted replies) whole.
/// </summary>
public static class EvidenceInput
{
    private const int SniffLines = 20;

    // Inside folders, fixture expectations and docs sit next to evidence; named explicitly they are still read.
    private static readonly string[] NotEvidence = [".yaml", ".yml", ".md"];

    /// <summary>Expands files and folders (recursively, sorted; in folders, hidden files, YAML and Markdown are skipped).</summary>
    public static IEnumerable<(string Path, string? Problem)> Expand(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            if (File.Exists(p)) yield return (p, null);
            else if (Directory.Exists(p))
            {
                foreach (var f in Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    if (!Path.GetFileName(f).StartsWith('.') && !NotEvidence.Any(x => f.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
                        yield return (f, null);
            }
            else yield return (p, "no such file or folder");
        }
    }

    /// <summary>The events of one file; <paramref name="bytesRead"/> is advanced as the file is consumed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="referenceYear">The year for syslog timestamps, which carry none.</param>
    /// <param name="bytesRead">Advanced by the bytes consumed (for progress).</param>
    public static IEnumerable<BounceEvent> Read(string path, int referenceYear, StrongBox<long> bytesRead)
    {
        var head = Head(path);
        if (head.StartsWith("From ", StringComparison.Ordinal)) return ReadMbox(path, bytesRead);
        var lines = head.Split('\n', SniffLines + 1).Take(SniffLines);
        if (lines.Any(l => l.Length > 0 && MtaLogParser.LooksLikeLogLine(l.TrimEnd('\r')))) return ReadLog(path, referenceYear, bytesRead);
        return ReadWhole(path, bytesRead);
    }

    private static string Head(string path)
    {
        using var s = File.OpenRead(path);
        var buffer = new byte[Math.Min(16 * 1024, s.Length)];
        s.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer);
    }

    private static IEnumerable<BounceEvent> ReadLog(string path, int referenceYear, StrongBox<long> bytesRead)
    {
        IEnumerable<string> Lines()
        {
            // A large read buffer: File.ReadLines reads 4 KB per system call, a visible share of a million-line log.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            while (reader.ReadLine() is { } line)
            {
                bytesRead.Value += line.Length + 1;
                yield return line;
            }
        }
        return new MtaLogParser().Parse(Lines(), path, referenceYear);
    }

    private static IEnumerable<BounceEvent> ReadMbox(string path, StrongBox<long> bytesRead)
    {
        using var stream = File.OpenRead(path);
        var parser = new MimeParser(IngestionLimits.Default.ParserOptions, stream, MimeFormat.Mbox);
        for (var index = 1; !parser.IsEndOfStream; index++)
        {
            using var message = parser.ParseMessage(); // MimeKit entities have finalizers: disposed once read
            bytesRead.Value = stream.Position;
            foreach (var e in BounceMessageReader.Read(message, path, index)) yield return e;
        }
    }

    private static IEnumerable<BounceEvent> ReadWhole(string path, StrongBox<long> bytesRead)
    {
        var info = new FileInfo(path);
        if (info.Length > IngestionLimits.Default.MaxMessageBytes)
            throw new InvalidDataException($"is {info.Length / (1024 * 1024)} MB, over the {IngestionLimits.Default.MaxMessageBytes / (1024 * 1024)} MB limit for an email or pasted text");
        var events = TextEvidenceParser.Parse(File.ReadAllText(path), null, path);
        bytesRead.Value += info.Length;
        return events;
    }
}
