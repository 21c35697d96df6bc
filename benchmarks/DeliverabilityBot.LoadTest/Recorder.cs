using System.Collections.Concurrent;

namespace DeliverabilityBot.LoadTest;

/// <summary>Latencies and failures per endpoint, shared by the clients (each sample is one completed request).</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<Endpoint, ConcurrentQueue<double>> latencies = new();
    private readonly ConcurrentQueue<string> errors = new();
    private long busy;
    private long late;

    /// <summary>Failed requests (transport errors, unexpected statuses, bodies that are not an answer), each described.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    /// <summary>503 answers (queue full): re-sent like Slack does, not errors while the re-send succeeds.</summary>
    public long Busy => Interlocked.Read(ref busy);

    /// <summary>Slack answers not posted within the client's wait (counted as missing only if still absent after the drain).</summary>
    public long LateReplies => Interlocked.Read(ref late);

    /// <summary>Records a Slack answer that did not arrive within the client's wait.</summary>
    public void Late() => Interlocked.Increment(ref late);

    /// <summary>Records a completed request's latency in milliseconds.</summary>
    public void Success(Endpoint endpoint, double milliseconds) =>
        latencies.GetOrAdd(endpoint, _ => new ConcurrentQueue<double>()).Enqueue(milliseconds);

    /// <summary>Drops the latency samples once reported, so the live heap measured next is the server's (and the runtime's).</summary>
    public void ReleaseSamples() => latencies.Clear();

    /// <summary>Records a failure.</summary>
    public void Error(Endpoint endpoint, string what) => errors.Enqueue($"{endpoint}: {what}");

    /// <summary>Records a 503 that will be re-sent.</summary>
    public void BusyAnswer() => Interlocked.Increment(ref busy);

    /// <summary>The latencies of one endpoint, sorted ascending.</summary>
    public double[] Sorted(Endpoint endpoint)
    {
        var values = latencies.TryGetValue(endpoint, out var queue) ? queue.ToArray() : [];
        Array.Sort(values);
        return values;
    }
}
