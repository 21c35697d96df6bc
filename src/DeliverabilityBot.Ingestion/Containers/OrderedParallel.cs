using System.Runtime.ExceptionServices;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Maps a sequence on several threads and yields the results in input order, a chunk at a time: while the consumer
/// takes one chunk's results, the next chunk is mapped, and no further. So at most two chunks are in memory however
/// long the input, and threads meet once per chunk rather than once per item. The first exception from the map is
/// rethrown to the consumer as itself; abandoning the enumeration cancels the chunk in flight.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>The results of <paramref name="map"/> over <paramref name="source"/>, in order.</summary>
    /// <param name="source">The input, read on the consumer's thread, a chunk ahead.</param>
    /// <param name="map">The work per item (thread-safe).</param>
    /// <param name="workers">Threads mapping at once.</param>
    /// <param name="chunkSize">Items per chunk.</param>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int workers, int chunkSize)
    {
        using var cancel = new CancellationTokenSource();
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel.Token };
        using var items = source.GetEnumerator();
        var next = Start(items, map, options, chunkSize);
        try
        {
            while (next is not null)
            {
                var results = Wait(next);
                next = results.Length == chunkSize ? Start(items, map, options, chunkSize) : null;
                foreach (var r in results) yield return r;
            }
        }
        finally
        {
            if (next is not null)
            {
                cancel.Cancel();
                try { next.Wait(); }
                catch (AggregateException) { } // cancelled or failed: the consumer has stopped listening
            }
        }
    }

    private static Task<TOut[]>? Start<TIn, TOut>(IEnumerator<TIn> items, Func<TIn, TOut> map, ParallelOptions options, int chunkSize)
    {
        var inputs = new List<TIn>(chunkSize);
        while (inputs.Count < chunkSize && items.MoveNext()) inputs.Add(items.Current);
        if (inputs.Count == 0) return null;
        return Task.Run(() =>
        {
            var results = new TOut[inputs.Count];
            Parallel.For(0, inputs.Count, options, i => results[i] = map(inputs[i]));
            return results;
        });
    }

    private static TOut[] Wait<TOut>(Task<TOut[]> chunk)
    {
        try
        {
            return chunk.GetAwaiter().GetResult();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            // Parallel.For wraps the map's exception; the consumer gets the first one as thrown.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            throw;
        }
    }
}
