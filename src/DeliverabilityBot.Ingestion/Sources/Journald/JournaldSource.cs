using System.Diagnostics;
using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Ingestion.Sources.Journald;

/// <summary>
/// The systemd journal as an evidence source: <c>journalctl -f -o json --no-tail</c> (the server's <c>Live:Journald</c>,
/// <c>dbot ingest --journald</c>), each entry rebuilt into the MTA's log line (<see cref="ProgramLine"/>, the program
/// told by <c>SYSLOG_IDENTIFIER</c>) and read by the same log readers. Each chunk carries the cursor of its last entry,
/// saved once its events are stored; a restart passes it to <c>--after-cursor</c>, so nothing is lost or read twice, after
/// reading <see cref="JournaldOptions.WarmUp"/> of the journal before it again to rebuild the per-queue-id state.
/// journalctl ending (it should not) ends the source with an error: the caller starts it again from the saved cursor.
/// </summary>
public sealed class JournaldSource : IEvidenceSource
{
    private readonly JournaldOptions _options;
    private readonly MtaLogParser _parser;
    private readonly ISourcePositions? _positions;
    private readonly Action<string>? _notice;

    /// <summary>Reads the journal as <paramref name="options"/> selects, resuming at the cursor saved in <paramref name="positions"/>.</summary>
    public JournaldSource(JournaldOptions? options = null, MtaLogParser? parser = null, ISourcePositions? positions = null, Action<string>? notice = null)
    {
        _options = options ?? new JournaldOptions();
        _parser = parser ?? new MtaLogParser();
        _positions = positions;
        _notice = notice;
        Key = KeyFor(_options);
    }

    /// <inheritdoc />
    public string Origin => "journald";

    /// <summary>The key its cursor is saved under: <c>journald:</c> and the units and identifiers read.</summary>
    public string Key { get; }

    /// <summary>The position key for a selection of the journal.</summary>
    public static string KeyFor(JournaldOptions options) =>
        "journald:" + string.Join(",", options.Units.Select(u => "u=" + u).Concat(options.Identifiers.Select(t => "t=" + t)).Order(StringComparer.Ordinal));

    /// <summary>The journalctl arguments for a start after <paramref name="cursor"/> (null: from the journal's start).</summary>
    public IReadOnlyList<string> Arguments(string? cursor)
    {
        List<string> args = ["--follow", "--output=json", "--no-pager", "--no-tail"];
        args.AddRange(_options.Units.Select(u => "--unit=" + u));
        args.AddRange(_options.Identifiers.Select(t => "--identifier=" + t));
        if (cursor is not null) args.Add("--after-cursor=" + cursor);
        return args;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = _positions?.Get(Key);
        var log = _parser.Start("journald");
        if (cursor is not null) await WarmUpAsync(cursor, log, cancellationToken).ConfigureAwait(false);
        using var process = Start(Arguments(cursor));
        _notice?.Invoke(cursor is null ? $"journald: reading {Key} from the journal's start" : $"journald: resuming {Key} after cursor {cursor}");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var events = new List<BounceEvent>(_options.ChunkEvents);
        string? last = null;
        var output = process.StandardOutput;
        Task<string?>? pending = null;
        try
        {
            while (true)
            {
                pending ??= output.ReadLineAsync(cancellationToken).AsTask();
                // Whatever came so far is handed over before waiting on journalctl for more.
                if (!pending.IsCompleted && last is not null)
                {
                    yield return Chunk(events, last);
                    events = new List<BounceEvent>(_options.ChunkEvents);
                    last = null;
                }
                var line = await pending.ConfigureAwait(false);
                pending = null;
                if (line is null) break;
                if (line.Length > _options.MaxLineChars || JournalEntry.Parse(line) is not { } entry) continue;
                last = entry.Cursor;
                if (entry.Message.Length > 0)
                {
                    var text = ProgramLine.Build(entry.Timestamp ?? DateTimeOffset.UtcNow, entry.Host, entry.Identifier, entry.Pid, entry.Message);
                    log.Read(text, events);
                }
                if (events.Count < _options.ChunkEvents) continue;
                yield return Chunk(events, last);
                events = new List<BounceEvent>(_options.ChunkEvents);
                last = null;
            }
            if (last is not null) yield return Chunk(events, last);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var error = (await errors.ConfigureAwait(false)).Trim();
            throw new InvalidOperationException($"{_options.Command} ended (exit code {process.ExitCode}){(error.Length > 0 ? ": " + error : "")}");
        }
        finally
        {
            if (!process.HasExited)
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { } // it ended meanwhile
            }
            if (pending is not null) await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(_options.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException($"{_options.Command} did not start");
    }

    // The entries from WarmUp before the saved cursor up to it, parsed for their state only (their events are stored):
    // the cursor's t= field is its time in microseconds (hex), so journalctl --since/--until bound the read.
    private async Task WarmUpAsync(string cursor, LogLines log, CancellationToken cancellationToken)
    {
        if (_options.WarmUp <= TimeSpan.Zero || CursorTime(cursor) is not { } at) return;
        List<string> args = ["--output=json", "--no-pager",
            FormattableString.Invariant($"--since=@{(at - _options.WarmUp).ToUnixTimeSeconds()}"),
            FormattableString.Invariant($"--until=@{at.ToUnixTimeSeconds() + 1}")];
        args.AddRange(_options.Units.Select(u => "--unit=" + u));
        args.AddRange(_options.Identifiers.Select(t => "--identifier=" + t));
        using var process = Start(args);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        var discard = new List<BounceEvent>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length > _options.MaxLineChars || JournalEntry.Parse(line) is not { } entry) continue;
                if (entry.Message.Length > 0)
                {
                    discard.Clear();
                    log.Read(ProgramLine.Build(entry.Timestamp ?? DateTimeOffset.UtcNow, entry.Host, entry.Identifier, entry.Pid, entry.Message), discard);
                }
                if (entry.Cursor == cursor) break;
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { } // it ended meanwhile
            }
        }
    }

    // "s=...;i=...;b=...;m=...;t=5f0a1b2c3d4e0;x=..." -> the t= time.
    private static DateTimeOffset? CursorTime(string cursor)
    {
        foreach (var part in cursor.Split(';'))
            if (part.StartsWith("t=", StringComparison.Ordinal)
                && long.TryParse(part.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var micros)
                && micros > 0 && micros < 253402300799000000)
                return DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        return null;
    }

    private SourceChunk Chunk(List<BounceEvent> events, string cursor) => new("journald", events, new SourcePosition(Key, cursor));
}
