using System.Threading.Channels;

namespace DeliverabilityBot.Server.Channels;

/// <summary>
/// The bounded queue between the chat endpoints (which must acknowledge within 1 to 3 seconds) and the
/// work of answering. When it is full the endpoint answers 503 so the platform re-sends later, rather
/// than the server buffering without limit.
/// </summary>
public sealed class ChannelWorkQueue
{
    private readonly Channel<ChannelWorkItem> queue;
    private readonly Lock idleLock = new();
    private TaskCompletionSource idle = NewCompleted();
    private int pending;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> waiting items.</summary>
    public ChannelWorkQueue(int capacity = 256)
    {
        queue = Channel.CreateBounded<ChannelWorkItem>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Items enqueued and not finished yet.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Adds work without waiting; false when the queue is full.</summary>
    public bool TryEnqueue(string description, Func<CancellationToken, Task> work)
    {
        lock (idleLock)
        {
            if (!queue.Writer.TryWrite(new ChannelWorkItem(description, work)))
            {
                return false;
            }

            if (pending++ == 0)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return true;
    }

    /// <summary>Completes when every enqueued item has finished (at once when nothing is pending).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (idleLock)
        {
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    internal ChannelReader<ChannelWorkItem> Reader => queue.Reader;

    internal void MarkDone()
    {
        lock (idleLock)
        {
            if (--pending == 0)
            {
                idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewCompleted()
    {
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completed.SetResult();
        return completed;
    }
}

/// <summary>One unit of background work and a description for logs.</summary>
internal sealed record ChannelWorkItem(string Description, Func<CancellationToken, Task> Work);
