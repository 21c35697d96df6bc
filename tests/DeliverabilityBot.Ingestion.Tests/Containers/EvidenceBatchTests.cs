using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

public class EvidenceBatchTests
{
    private static string Fixtures => TestPaths.InRepo("tests", "fixtures");

    [Fact]
    public void Read_ParallelOverFixtures_SameResultsInSameOrderAsSequential()
    {
        var sequential = new EvidenceBatch(parallelism: 1).Read([Fixtures]).Select(r => PublicState.Of(r)).ToList();
        var parallel = new EvidenceBatch(parallelism: 4).Read([Fixtures]).Select(r => PublicState.Of(r)).ToList();

        Assert.True(sequential.Count > 300, $"only {sequential.Count} results");
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void ReadAndMap_SlowConsumer_ReadsAtMostTwoChunksAhead()
    {
        var source = new CountingFiles(5_000);
        var batch = new EvidenceBatch(parallelism: 2);
        var consumed = 0;

        foreach (var result in batch.ReadAndMap(source, r => r))
        {
            if (consumed == 0)
            {
                // However long the consumer dawdles, the readers must stop at two chunks (an unbounded reader would not).
                SpinWait.SpinUntil(() => source.Taken > 1_000, TimeSpan.FromSeconds(1));
            }
            consumed++;
            Assert.InRange(source.Taken, consumed, consumed + 2 * 2 * EvidenceBatch.ChunkPerThread);
            Assert.Equal($"file-{consumed}", result.Path);
        }

        Assert.Equal(5_000, consumed);
    }

    [Fact]
    public void ReadAndMap_MapThrows_ExceptionReachesConsumer()
    {
        var batch = new EvidenceBatch(parallelism: 3);

        var ex = Assert.Throws<InvalidOperationException>(() =>
            batch.ReadAndMap(new CountingFiles(500), r => r.Path == "file-250" ? throw new InvalidOperationException("boom") : r).ToList());

        Assert.Equal("boom", ex.Message);
    }

    [Fact]
    public void ReadAndMap_MapThrows_EveryEarlierResultYieldedFirstInOrder()
    {
        var yielded = new List<string>();

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in new EvidenceBatch(parallelism: 3).ReadAndMap(new CountingFiles(500), r => r.Path == "file-250" ? throw new InvalidOperationException("boom") : r))
                yielded.Add(r.Path);
        });

        Assert.Equal(Enumerable.Range(1, 249).Select(i => $"file-{i}"), yielded);
    }

    [Fact]
    public void ReadAndMap_ConsumerStopsEarly_ReadersStop()
    {
        var source = new CountingFiles(100_000);

        var first = new EvidenceBatch(parallelism: 2).ReadAndMap(source, r => r).Take(10).ToList();

        Assert.Equal(10, first.Count);
        // The readers stop at the window past what was consumed, and stay stopped once the consumer is gone.
        var taken = source.Taken;
        Assert.InRange(taken, 10, 10 + 2 * 2 * EvidenceBatch.ChunkPerThread);
        Assert.Equal(taken, source.Taken);
    }

    /// <summary>Paths that do not exist (each a failed result, no disk access), counting how many were taken.</summary>
    private sealed class CountingFiles(int count) : IEnumerable<(string Path, string? Problem)>
    {
        private int _taken;

        public int Taken => Volatile.Read(ref _taken);

        public IEnumerator<(string Path, string? Problem)> GetEnumerator()
        {
            for (var i = 1; i <= count; i++)
            {
                Interlocked.Increment(ref _taken);
                yield return ($"file-{i}", $"file-{i}: no such file or folder");
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
