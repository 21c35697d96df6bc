namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Maps a sequence on several threads and yields the results in input order, at most a window of items ahead of the
/// consumer: memory stays flat however long the input. Workers take the next item as soon as they finish one (no
/// barrier per chunk, where one slow item idled the other threads and the threads spun waiting for the next chunk).
/// An exception from the map (or from the source) reaches the consumer as itself, once every item before it has been
/// yielded; abandoning the enumeration stops the workers and waits for the items in flight.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>The results of <paramref name="map"/> over <paramref name="source"/>, in order.</summary>
    /// <param name="source">The input, read by the workers (one at a time), at most <paramref name="window"/> items ahead.</param>
    /// <param name="map">The work per item (thread-safe).</param>
    /// <param name="workers">Threads mapping at once.</param>
    /// <param name="window">Items taken from the source but not yet handed to the consumer, at most.</param>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int workers, int window)
    {
        using var run = new OrderedParallelRun<TIn, TOut>(source, map, workers, window);
        while (run.TryTakeNext(out var result)) yield return result;
    }
}
