using DeliverabilityBot.Store.Postgres;
using DeliverabilityBot.Store.Postgres.State;

namespace DeliverabilityBot.Server.Tests.SharedState;

/// <summary>Delivery keys in PostgreSQL: one winner per key across instances, expiry and forgetting as in memory.</summary>
public sealed class PostgresDeliveryKeysTests
{
    [SkippableFact]
    public async Task TryAdd_TwoInstancesRacingOnTheSameKeys_ExactlyOneWinsEach()
    {
        var cs = PostgresServer.RequireDatabase();
        using var one = PostgresDatabase.Open(cs);
        using var two = PostgresDatabase.Open(cs);
        var instances = new[] { new PostgresDeliveryKeys(one, TimeProvider.System, TimeSpan.FromHours(1)), new PostgresDeliveryKeys(two, TimeProvider.System, TimeSpan.FromHours(1)) };
        const int Keys = 100;
        var wins = new int[Keys];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var keys = instances[worker % 2];
            for (var k = 0; k < Keys; k++)
                if (keys.TryAdd($"slack|event:Ev{k}")) Interlocked.Increment(ref wins[k]);
        })));

        Assert.All(wins, w => Assert.Equal(1, w));
    }

    [SkippableFact]
    public void TryAdd_AfterTheLifetime_TakesTheKeyAgain()
    {
        using var db = PostgresDatabase.Open(PostgresServer.RequireDatabase());
        var time = new ManualTime();
        var keys = new PostgresDeliveryKeys(db, time, TimeSpan.FromMinutes(5));

        Assert.True(keys.TryAdd("k"));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(keys.TryAdd("k"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(keys.TryAdd("k"));
    }

    [SkippableFact]
    public void Forget_AKeyThatCouldNotBeQueued_IsAcceptedWhenResent()
    {
        using var db = PostgresDatabase.Open(PostgresServer.RequireDatabase());
        var keys = new PostgresDeliveryKeys(db, TimeProvider.System, TimeSpan.FromHours(1));

        Assert.True(keys.TryAdd("k"));
        keys.Forget("k");
        Assert.True(keys.TryAdd("k"));
        Assert.False(keys.TryAdd("k"));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
