using DeliverabilityBot.Server.Channels;

namespace DeliverabilityBot.Server.Tests.Channels;

public sealed class RecentKeysTests
{
    [Fact]
    public void TryAdd_SameKeyTwice_SecondIsRefused()
    {
        var keys = new RecentKeys(TimeProvider.System, TimeSpan.FromHours(1));

        Assert.True(keys.TryAdd("event:Ev1"));
        Assert.False(keys.TryAdd("event:Ev1"));
    }

    [Fact]
    public void TryAdd_SameKeyFromThreadsAtOnce_ExactlyOneWins()
    {
        // A Slack retry can arrive while the first delivery is still being handled (the load test sends them together).
        // Found by reading under load: the add path ran, lost the insert race, then the update path kept the flag set,
        // so both deliveries were answered. Threads meet on a barrier per key to make the race likely.
        const int Threads = 4;
        const int Keys = 20_000;
        var recent = new RecentKeys(TimeProvider.System, TimeSpan.FromHours(1), capacity: Keys * 2);
        var wins = new int[Keys];
        using var barrier = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (var key = 0; key < Keys; key++)
            {
                barrier.SignalAndWait();
                if (recent.TryAdd("event:Ev" + key))
                {
                    Interlocked.Increment(ref wins[key]);
                }
            }
        })).ToList();

        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        var wrong = Enumerable.Range(0, Keys).Where(key => wins[key] != 1).Select(key => $"Ev{key}: {wins[key]} winners").ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Take(10)));
    }

    [Fact]
    public void TryAdd_AfterLifetime_AcceptsAgain()
    {
        var time = new ManualTime();
        var keys = new RecentKeys(time, TimeSpan.FromMinutes(5));
        Assert.True(keys.TryAdd("k"));

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.True(keys.TryAdd("k"));
        Assert.False(keys.TryAdd("k"));
    }

    [Fact]
    public void TryAdd_ManyMoreLiveKeysThanCapacity_CountStaysWithinCapacityAndNewestIsRemembered()
    {
        var time = new ManualTime();
        var keys = new RecentKeys(time, TimeSpan.FromHours(1), capacity: 100);
        var largest = 0;
        for (var i = 0; i < 1_000; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(keys.TryAdd($"event:Ev{i}"));
            largest = Math.Max(largest, keys.Count);
        }

        Assert.InRange(largest, 1, 100);
        Assert.False(keys.TryAdd("event:Ev999"));
    }

    [Fact]
    public void TryAdd_AtCapacityWithExpiredKeys_DropsTheExpiredOnes()
    {
        var time = new ManualTime();
        var keys = new RecentKeys(time, TimeSpan.FromMinutes(5), capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(keys.TryAdd($"old{i}"));
        }

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(keys.TryAdd("new"));

        Assert.Equal(1, keys.Count);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
