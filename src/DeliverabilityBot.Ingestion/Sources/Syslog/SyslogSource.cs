using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>
/// A syslog listener as an evidence source (the server's <c>Live:Syslog</c>, <c>dbot ingest --syslog</c>), so rsyslog,
/// syslog-ng, Vector or Fluent Bit can forward the MTA's lines: RFC 3164 and RFC 5424 over UDP, TCP and TLS. Each
/// message becomes the line the MTA would have written to its file (<see cref="ProgramLine"/>) and is read by the same
/// log readers, with per-queue-id state kept per sending host. Memory is bounded by the maximum message size and the
/// queue (<see cref="SyslogOptions"/>). Syslog has no position to resume from: what is sent while the listener is down
/// is the sender's to queue.
/// </summary>
public sealed class SyslogSource : IEvidenceSource
{
    private readonly IReadOnlyList<SyslogEndpoint> _endpoints;
    private readonly SyslogOptions _options;
    private readonly MtaLogParser _parser;
    private readonly Action<string>? _notice;
    private readonly TaskCompletionSource<IReadOnlyList<SyslogEndpoint>> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Listens where <paramref name="options"/> says.</summary>
    /// <exception cref="FormatException">An address in <see cref="SyslogOptions.Listen"/> is not one.</exception>
    public SyslogSource(SyslogOptions options, MtaLogParser? parser = null, Action<string>? notice = null)
    {
        _options = options;
        _endpoints = [.. options.Listen.SelectMany(SyslogEndpoint.Parse)];
        _parser = parser ?? new MtaLogParser();
        _notice = notice;
    }

    /// <inheritdoc />
    public string Origin => "syslog";

    /// <summary>What was received and dropped so far.</summary>
    public SyslogCounters Counters { get; } = new();

    /// <summary>The endpoints once bound (a port 0 replaced by the one given); faults when binding fails.</summary>
    public Task<IReadOnlyList<SyslogEndpoint>> Bound => _bound.Task;

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<ReceivedMessage>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        SyslogListeners listeners;
        try
        {
            listeners = new SyslogListeners(_endpoints, _options, Counters, queue.Writer);
        }
        catch (Exception ex)
        {
            _bound.TrySetException(ex);
            throw;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = listeners.RunAsync(stop.Token);
        _bound.TrySetResult(listeners.Bound);
        _notice?.Invoke($"syslog: listening on {string.Join(", ", listeners.Bound)}");
        var logs = new Dictionary<string, LogLines>(StringComparer.OrdinalIgnoreCase);
        var events = new List<BounceEvent>(_options.ChunkEvents);
        var reported = (Dropped: 0L, Oversized: 0L, Refused: 0L);
        try
        {
            while (await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (events.Count < _options.ChunkEvents && queue.Reader.TryRead(out var received))
                {
                    if (SyslogParser.Parse(received.Data, received.At) is not { } message) continue;
                    var line = ProgramLine.Build(message.Timestamp, message.Host, message.AppName, message.ProcId, message.Text);
                    LogOf(logs, message.Host).Read(line, events);
                }
                var now = (Counters.Dropped, Counters.Oversized, Counters.Refused);
                if (now != reported)
                {
                    _notice?.Invoke($"syslog: {Counters}");
                    reported = now;
                }
                if (events.Count == 0) continue;
                // No position to save, but handed over now: a live line should not wait for 511 others.
                yield return new SourceChunk("syslog", events) { HandOverNow = true };
                events = new List<BounceEvent>(_options.ChunkEvents);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            listeners.Dispose();
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // One log state per sending host: queue ids are only unique on the host that gave them.
    private LogLines LogOf(Dictionary<string, LogLines> logs, string host)
    {
        if (logs.TryGetValue(host, out var log)) return log;
        if (logs.Count >= _options.MaxHosts) host = "*";
        if (!logs.TryGetValue(host, out log)) logs[host] = log = _parser.Start("syslog:" + host);
        return log;
    }
}
