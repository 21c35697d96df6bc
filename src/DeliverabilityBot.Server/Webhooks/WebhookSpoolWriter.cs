using System.Threading.Channels;
using DeliverabilityBot.Store.Webhooks;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// Writes accepted webhook requests into the <see cref="IWebhookSpool"/> before they are acknowledged, with group
/// commit: the requests that arrive while one transaction commits go into the next one together (up to
/// <see cref="MaxRequestsPerCommit"/>), so a burst of small batches costs a few durable commits, not one each, and one
/// slow commit never queues the others behind a lock. Wakes the webhook writer after each commit and keeps an estimate
/// of the events waiting in the spool, for <see cref="WebhookOptions.SpoolCapacity"/>.
/// </summary>
public sealed class WebhookSpoolWriter : IDisposable
{
    /// <summary>Requests committed together at most.</summary>
    public const int MaxRequestsPerCommit = 256;

    private readonly IWebhookSpool _spool;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSpoolWriter> _log;
    private readonly Channel<Waiting> _requests = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<bool> _spooled = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Thread _thread;
    private long _pending;

    /// <summary>Starts the writer's thread over <paramref name="spool"/>.</summary>
    public WebhookSpoolWriter(IWebhookSpool spool, TimeProvider time, ILogger<WebhookSpoolWriter> log)
    {
        _spool = spool;
        _time = time;
        _log = log;
        _thread = new Thread(Run) { IsBackground = true, Name = "webhook spool writer" };
        _thread.Start();
    }

    /// <summary>The spool written to.</summary>
    public IWebhookSpool Spool => _spool;

    /// <summary>Events in the spool not yet stored, as this instance knows it (set by the webhook writer, which counts the spool).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Becomes readable after a commit that spooled events: the webhook writer's wake-up.</summary>
    public ChannelReader<bool> Spooled => _spooled.Reader;

    /// <summary>
    /// Spools <paramref name="request"/>; completes once it is committed (durable), with what the spool made of it. Not
    /// cancellable: a request taken is committed, and a provider that gave up retries into the key it left.
    /// </summary>
    /// <exception cref="Exception">The spool could not be written (the caller answers 503).</exception>
    public Task<SpoolOutcome> AcceptAsync(SpoolRequest request)
    {
        var pending = new Waiting(request, new TaskCompletionSource<SpoolOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_requests.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(WebhookSpoolWriter), "the server is stopping");
        return pending.Done.Task;
    }

    /// <summary>The webhook writer counted the spool (at its start).</summary>
    public void SetPending(long count) => Interlocked.Exchange(ref _pending, count);

    /// <summary>The webhook writer stored and completed <paramref name="count"/> events.</summary>
    public void Completed(int count) => Interlocked.Add(ref _pending, -count);

    /// <summary>Stops taking requests; those already taken are committed first.</summary>
    public void Dispose()
    {
        _requests.Writer.TryComplete();
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    private void Run()
    {
        var group = new List<Waiting>(MaxRequestsPerCommit);
        var reader = _requests.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            while (group.Count < MaxRequestsPerCommit && reader.TryRead(out var p)) group.Add(p);
            if (group.Count == 0) continue;
            try
            {
                var outcomes = _spool.Accept([.. group.Select(p => p.Request)], _time.GetUtcNow());
                var spooled = 0;
                for (var i = 0; i < group.Count; i++)
                {
                    spooled += outcomes[i].Spooled.Count;
                    group[i].Done.TrySetResult(outcomes[i]);
                }
                if (spooled > 0)
                {
                    Interlocked.Add(ref _pending, spooled);
                    _spooled.Writer.TryWrite(true);
                }
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "Webhook spool {Location}: {Count} requests could not be spooled (answered 503)", _spool.Location, group.Count);
                foreach (var p in group) p.Done.TrySetException(ex);
            }
        }
    }

    private sealed record Waiting(SpoolRequest Request, TaskCompletionSource<SpoolOutcome> Done);
}
