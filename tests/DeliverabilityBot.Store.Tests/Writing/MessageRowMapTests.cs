using DeliverabilityBot.Store.Writing.Messages;

namespace DeliverabilityBot.Store.Tests.Writing;

public sealed class MessageRowMapTests
{
    [Fact]
    public void Find_KeysAddedPastTheInitialSize_EachFindsItsRowOthersAbsent()
    {
        var map = new MessageRowMap(expected: 10);
        var random = new Random(7);
        var keys = new HashSet<long>();
        while (keys.Count < 50_000) keys.Add(random.NextInt64(long.MinValue, long.MaxValue));
        var rows = keys.Select((k, i) => (Key: k, Row: i + 1L)).ToList();
        foreach (var (k, r) in rows) map.Add(k, r);
        Assert.Equal(rows.Count, map.Count);
        Assert.All(rows, kr => Assert.Equal(kr.Row, map.Find(kr.Key)));
        for (var i = 0; i < 10_000; i++)
        {
            var other = random.NextInt64(long.MinValue, long.MaxValue);
            if (!keys.Contains(other)) Assert.Equal(MessageRowMap.Absent, map.Find(other));
        }
    }

    [Fact]
    public void Add_SameKeyTwoRows_Ambiguous()
    {
        var map = new MessageRowMap(expected: 10);
        map.Add(42, 1);
        map.Add(42, 1);
        Assert.Equal(1, map.Find(42));
        map.Add(42, 2);
        Assert.Equal(MessageRowMap.Ambiguous, map.Find(42));
        map.Add(42, 3);
        Assert.Equal(MessageRowMap.Ambiguous, map.Find(42));
    }

    [Fact]
    public void Add_KeyZero_HeldApartAndAmbiguousLikeAnyOther()
    {
        var map = new MessageRowMap(expected: 10);
        Assert.Equal(MessageRowMap.Absent, map.Find(0));
        map.Add(0, 5);
        Assert.Equal(5, map.Find(0));
        map.Add(0, 6);
        Assert.Equal(MessageRowMap.Ambiguous, map.Find(0));
    }

    [Fact]
    public void Add_KeysSharingASlot_ProbeFindsEach()
    {
        var map = new MessageRowMap(expected: 10); // 1,024 slots: keys 1,024 apart share a slot
        for (long i = 1; i <= 300; i++) map.Add(i * 1024, i);
        for (long i = 1; i <= 300; i++) Assert.Equal(i, map.Find(i * 1024));
        Assert.Equal(MessageRowMap.Absent, map.Find(301 * 1024));
    }
}
