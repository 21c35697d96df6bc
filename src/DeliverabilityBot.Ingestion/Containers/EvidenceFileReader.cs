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
    private readonly long? _leaveLogsFrom;
    private readonly Sending.SendingMap? _sending;

    /// <summary>Creates a reader with the given limits (default: <see cref="IngestionLimits.Default"/>).</summary>
    /// <param name="limits">Input limits.</param>
    /// <param name="leaveLogsFrom">
    /// When set, <see cref="Read"/> leaves an MTA log at least this many bytes long (and within the stream limit) unread:
    /// its one result has no events and <see cref="FileReadResult.LeftForStreaming"/> set, for a caller that streams
    /// such logs itself. Told from the file already opened for reading, so it costs nothing more per file.
    /// </param>
    /// <param name="sending">The deployment's sending IPs for logs that do not record them (Postfix), or null.</param>
    public EvidenceFileReader(IngestionLimits? limits = null, long? leaveLogsFrom = null, Sending.SendingMap? sending = null)
    {
        _sending = sending;
        _limits = limits ?? IngestionLimits.Default;
        _leaveLogsFrom = leaveLogsFrom;
    }

    /// <summary>Reads <paramref name="path"/>; <paramref name="source"/> (default: the path) is put on every event.</summary>
    public IEnumerable<FileReadResult> Read(string path, string? source = null) => ReadFile(path, source ?? path, logSlice: null, progress: null);

    /// <summary>
    /// Reads <paramref name="path"/> as <see cref="Read"/> does (same sniffing, limits, events and error text) without ever
    /// holding a log whole: a log comes in slices of at most <paramref name="sliceSize"/> events, as from
    /// <see cref="ReadLogInSlices(string, int, Func{BounceEvent, bool}?, string?)"/> (a read error part-way ends them with a
    /// failure after the slices already given), an mbox a message at a time, anything else whole. <paramref name="progress"/>,
    /// if given, hears how many bytes of the file have been consumed so far (up to a read buffer ahead of the events given),
    /// on the reading thread.
    /// </summary>
    public IEnumerable<FileReadResult> ReadInSlices(string path, int sliceSize, Action<long>? progress = null, string? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceSize, 1);
        return ReadFile(path, source ?? path, sliceSize, progress);
    }

    private IEnumerable<FileReadResult> ReadFile(string path, string source, int? logSlice, Action<long>? progress)
    {
        OpenedFile? file = null;
        ForwardInput? forward = null;
        try
        {
            if (path == EvidencePaths.StandardInput)
            {
                forward = ForwardInput.Open(Console.OpenStandardInput(), InputSniffer.SniffBytes);
            }
            else
            {
                var stream = OpenedFile.OpenStream(path);
                // A pipe, a FIFO or process substitution (/dev/fd/63): no length, no seeking; read once, forward.
                if (!stream.CanSeek) forward = ForwardInput.Open(stream, InputSniffer.SniffBytes);
                else file = OpenedFile.Open(stream, InputSniffer.SniffBytes);
                if (file is not null && InputSniffer.IsGzip(file.Head))
                {
                    // Told by its first bytes, not its name: rotated logs are called mail.log.2.gz, maillog-20261201.gz...
                    file.Dispose();
                    file = null;
                    forward = ForwardInput.Open(OpenLog(path), InputSniffer.SniffBytes);
                }
            }
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            file?.Dispose();
            return [Failure(path, $"cannot be read: {ex.Message}")];
        }
        return forward is not null ? ReadForward(forward, path, source, logSlice, progress) : ReadOpened(file!, path, source, logSlice, progress);
    }

    /// <summary>
    /// Reads <paramref name="raw"/> (owned from here on) as <see cref="Read"/> or, with <paramref name="sliceSize"/>,
    /// <see cref="ReadInSlices"/> reads stdin or a pipe: the seam where tests put a stream that cannot seek.
    /// </summary>
    internal IEnumerable<FileReadResult> ReadForward(Stream raw, string path, int? sliceSize = null)
    {
        ForwardInput input;
        try { input = ForwardInput.Open(raw, InputSniffer.SniffBytes); }
        catch (Exception ex) when (IsInputProblem(ex)) { return [Failure(path, $"cannot be read: {ex.Message}")]; }
        return ReadForward(input, path, path, sliceSize, progress: null);
    }

    private IEnumerable<FileReadResult> ReadOpened(OpenedFile file, string path, string source, int? logSlice, Action<long>? progress)
    {
        var kind = InputSniffer.Sniff(file.Head);
        var crOnly = InputSniffer.IsCrOnly(file.Head);
        var length = file.Length;
        if (kind is InputKind.Mbox or InputKind.Log)
        {
            // Streamed from a fresh handle, lazily: an mbox or log may be gigabytes.
            file.Dispose();
            if (kind == InputKind.Log && logSlice is null && length >= _leaveLogsFrom && length <= _limits.MaxStreamBytes)
                return [new FileReadResult(path, []) { LeftForStreaming = true }];
            return kind == InputKind.Mbox
                ? Guard(path, length, _limits.MaxStreamBytes, () => ReadMbox(() => OpenNormalized(path, crOnly), path, source, progress))
                : Guard(path, length, _limits.MaxStreamBytes, () => logSlice is { } size
                    ? ReadLogInSlices(() => OpenLog(path), path, size, keep: null, source, progress)
                    : [ReadLog(() => OpenLog(path), path, source)]);
        }
        using (file)
        {
            // A single message: read once, whole, from the handle already open.
            var read = kind == InputKind.Email
                ? Guard(path, length, _limits.MaxMessageBytes, () => [ReadEmail(file, path, source, crOnly)])
                : Guard(path, length, _limits.MaxMessageBytes, () => [ReadText(file, path, source)]);
            progress?.Invoke(length);
            return read;
        }
    }

    /// <summary>
    /// Reads an input with no length to check first (stdin, a pipe, a gzip) as <see cref="ReadOpened"/> reads a file: the
    /// limits hold on the bytes read (decompressed), a log or mbox is streamed, a single message is read whole.
    /// </summary>
    private IEnumerable<FileReadResult> ReadForward(ForwardInput input, string path, string source, int? logSlice, Action<long>? progress)
    {
        var kind = InputSniffer.Sniff(input.Head);
        var crOnly = InputSniffer.IsCrOnly(input.Head);
        switch (kind)
        {
            case InputKind.Log when logSlice is null && _leaveLogsFrom is not null:
                // Its length is unknown, so it may be large: left (open) for the caller to stream, see ReadLeftLog.
                return [new FileReadResult(path, []) { LeftForStreaming = true, Input = input }];
            case InputKind.Log:
                return logSlice is { } size
                    ? ReadLogInSlices(() => input.Content(_limits.MaxStreamBytes, crToLf: false), path, size, keep: null, source, progress)
                    : [ReadLog(() => input.Content(_limits.MaxStreamBytes, crToLf: false), path, source)];
            case InputKind.Mbox:
                return ReadMbox(() => input.Content(_limits.MaxStreamBytes, crOnly), path, source, progress);
        }
        using (input)
        {
            try
            {
                if (!input.TryBuffer(_limits.MaxMessageBytes, crToLf: crOnly && kind == InputKind.Email))
                    return [Failure(path, $"is over the {Megabytes(_limits.MaxMessageBytes)} MB limit for this kind of input{(input.Decompressed ? " once decompressed" : "")}")];
            }
            catch (Exception ex) when (IsInputProblem(ex))
            {
                return [Failure(path, $"cannot be read: {ex.Message}")];
            }
            var read = kind == InputKind.Email ? ReadEmail(input, path, source, crOnly) : ReadText(input, path, source);
            progress?.Invoke(input.Consumed);
            return [read];
        }
    }

    /// <summary>
    /// Reads a log <see cref="Read"/> left for streaming (<see cref="FileReadResult.LeftForStreaming"/>) as
    /// <see cref="ReadLogInSlices(string, int, Func{BounceEvent, bool}?, string?)"/> does: from the input already open
    /// when it could not be opened again (stdin, a pipe), else from its path.
    /// </summary>
    public IEnumerable<FileReadResult> ReadLeftLog(FileReadResult left, int sliceSize, Func<BounceEvent, bool>? keep = null, string? source = null)
    {
        if (left.Input is not { } input) return ReadLogInSlices(left.Path, sliceSize, keep, source);
        return ReadLogInSlices(() => input.Content(_limits.MaxStreamBytes, crToLf: false), left.Path, sliceSize, keep, source ?? left.Path, progress: null);
    }

    /// <summary>
    /// Reads an MTA log as <see cref="Read"/> does (same lines, parser, source and error text), in results of at most
    /// <paramref name="sliceSize"/> events each, so a caller can work on a log of any length without holding it: the
    /// first result always comes (empty for a log without events) unless the log cannot be read at all; a read error
    /// part-way ends the results with a failure after the slices already given. Only events <paramref name="keep"/>
    /// accepts (default: all) are held and counted; the others are dropped as they are parsed, so they never outlive
    /// their line (holding a million-line log's delivered events until their slice is full costs GC time).
    /// </summary>
    public IEnumerable<FileReadResult> ReadLogInSlices(string path, int sliceSize, Func<BounceEvent, bool>? keep = null, string? source = null) =>
        ReadLogInSlices(() => OpenLog(path), path, sliceSize, keep, source ?? path, progress: null);

    /// <summary>
    /// <see cref="ReadLogInSlices(string, int, Func{BounceEvent, bool}?, string?)"/> over the stream <paramref name="open"/> gives,
    /// opened on the first slice's read (its errors are the log's); failures name <paramref name="path"/>. Also the seam where
    /// tests put a stream that fails part-way.
    /// </summary>
    internal IEnumerable<FileReadResult> ReadLogInSlices(Func<Stream> open, string path, int sliceSize, Func<BounceEvent, bool>? keep, string source, Action<long>? progress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceSize, 1);
        using var events = new MtaLogParser(sending: _sending).Parse(ReadLines(open, progress), source).GetEnumerator();
        var slice = new List<BounceEvent>(sliceSize);
        var given = false;
        while (true)
        {
            string? error = null;
            var more = false;
            try { more = events.MoveNext(); }
            catch (Exception ex) when (IsInputProblem(ex)) { error = $"cannot be read as a log: {ex.Message}"; }
            if (more)
            {
                if (keep is null || keep(events.Current)) slice.Add(events.Current);
                if (slice.Count < sliceSize) continue;
            }
            if (slice.Count > 0 || (!given && error is null))
            {
                yield return new FileReadResult(path, slice);
                given = true;
                slice = new List<BounceEvent>(sliceSize);
            }
            if (error is not null) yield return Failure(path, error);
            if (!more || error is not null) yield break;
        }
    }

    private static IEnumerable<FileReadResult> Guard(string path, long length, long limit, Func<IEnumerable<FileReadResult>> read)
    {
        if (length > limit) return [Failure(path, $"is {Megabytes(length)} MB, over the {Megabytes(limit)} MB limit for this kind of input")];
        return read();
    }

    private FileReadResult ReadEmail(IWholeInput file, string path, string source, bool crOnly)
    {
        try
        {
            using var stream = file.ReadWhole(crOnly);
            // Persistent: parts refer to the buffer instead of copying it; it lives until the events are read.
            // Disposed once read: MimeKit's entities have finalizers, and an undisposed message would survive its
            // first collection whole (headers, parts, text), waiting for the finalizer thread.
            using var message = ParserFor(stream).ParseMessage();
            return new FileReadResult(path, BounceMessageReader.Read(message, source));
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"is not a readable email: {ex.Message}");
        }
    }

    /// <summary>
    /// This thread's MIME parser for these limits' parser options, set to read <paramref name="stream"/> as
    /// <c>MimeMessage.Load(options, stream, persistent: true)</c> would (MimeKit resets all of a parser's state when it
    /// is given a stream): a new parser allocates ~4.5 KB of buffers, once per email read.
    /// </summary>
    private MimeParser ParserFor(Stream stream)
    {
        if (t_parser is null || !ReferenceEquals(t_parserOptions, _limits.ParserOptions))
        {
            t_parser = new MimeParser(_limits.ParserOptions, Stream.Null, MimeFormat.Entity, persistent: true);
            t_parserOptions = _limits.ParserOptions;
        }
        t_parser.SetStream(stream, MimeFormat.Entity, persistent: true);
        return t_parser;
    }

    [ThreadStatic]
    private static MimeParser? t_parser;

    [ThreadStatic]
    private static ParserOptions? t_parserOptions;

    private IEnumerable<FileReadResult> ReadMbox(Func<Stream> open, string path, string source, Action<long>? progress)
    {
        Stream? stream = null;
        string? openError = null;
        try { stream = open(); }
        catch (Exception ex) when (IsInputProblem(ex)) { openError = ex.Message; }
        if (stream is null)
        {
            yield return Failure(path, $"cannot be read: {openError}");
            yield break;
        }
        using (stream)
        {
            // One message ahead: a single email saved with its mbox "From " line (common in maildir exports) is an
            // email, not an mbox, which is known only once the stream has no second message.
            MboxMessage? previous = null;
            using var messages = MboxSplitter.Split(stream, _limits.MaxMessageBytes).GetEnumerator();
            while (true)
            {
                FileReadResult? failure = null;
                var more = false;
                try { more = messages.MoveNext(); }
                catch (Exception ex) when (IsInputProblem(ex)) { failure = Failure(path, $"cannot be read past message {previous?.Index ?? 0}: {ex.Message}"); }
                if (previous is not null)
                {
                    yield return ReadMboxMessage(previous, path, source, position: previous.Index == 1 && !more && failure is null ? null : previous.Index);
                    progress?.Invoke(stream.CanSeek || stream is ForwardStream ? stream.Position : 0);
                }
                if (failure is not null) yield return failure;
                if (!more) yield break;
                previous = messages.Current;
            }
        }
    }

    /// <summary>One message of an mbox; one over the per-email limit is reported with its position, and the mbox goes on.</summary>
    private FileReadResult ReadMboxMessage(MboxMessage m, string path, string source, int? position)
    {
        if (m.Content is not { } content)
            return Failure(path, $"message {m.Index} is {Megabytes(m.Size)} MB, over the {Megabytes(_limits.MaxMessageBytes)} MB limit for one email; skipped", m.Index);
        try
        {
            using (content)
            using (var message = ParserFor(content.Read()).ParseMessage()) // disposed once read: see ReadEmail
                return new FileReadResult(path, BounceMessageReader.Read(message, source, position), null, position);
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"message {m.Index} is not readable: {ex.Message}", m.Index);
        }
    }

    private FileReadResult ReadLog(Func<Stream> open, string path, string source)
    {
        try
        {
            var events = new MtaLogParser(sending: _sending).Parse(ReadLines(open, progress: null), source).ToList();
            return new FileReadResult(path, events);
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"cannot be read as a log: {ex.Message}");
        }
    }

    private static FileReadResult ReadText(IWholeInput file, string path, string source)
    {
        try
        {
            using var reader = new StreamReader(file.ReadWhole(crToLf: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var text = reader.ReadToEnd();
            return new FileReadResult(path, TextEvidenceParser.Parse(text, null, source));
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            return Failure(path, $"cannot be read: {ex.Message}");
        }
    }

    private static FileStream OpenLog(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);

    private IEnumerable<string> ReadLines(Func<Stream> open, Action<long>? progress)
    {
        using var stream = open();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reported = 0L;
        foreach (var line in BoundedLines.Read(reader, _limits.MaxLineLength))
        {
            // The position moves a read buffer at a time: a report per buffer, not per line.
            if (progress is not null && (stream.CanSeek || stream is ForwardStream) && stream.Position != reported) progress(reported = stream.Position);
            yield return line;
        }
    }

    // A CR-only mbox is turned to LF as it streams (ForwardStream's CrToLf), as a piped one is: never held whole.
    private static Stream OpenNormalized(string path, bool crOnly)
    {
        var stream = File.OpenRead(path);
        return crOnly ? new ForwardStream([], 0, stream) { CrToLf = true } : stream;
    }

    private static bool IsInputProblem(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or FormatException or ParseException
            or InvalidOperationException or ArgumentException or NotSupportedException or DecoderFallbackException or InvalidDataException;

    private static FileReadResult Failure(string path, string why, int? messageIndex = null) =>
        new(path, Array.Empty<BounceEvent>(), $"{path}: {why}", messageIndex);

    private static string Megabytes(long bytes) => ForwardStream.Megabytes(bytes);
}
