using System.IO.Hashing;
using System.Runtime.InteropServices;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Writing;

namespace DeliverabilityBot.Store.Tests.Writing;

public sealed class XxHash3IdentityTests
{
    private static readonly EventIdentity Identity = EventIdentity.For(IdentityScheme.XxHash3);

    [Fact]
    public void Of_TimedEvent_HashesTheDocumentedLayout()
    {
        var e = TempStore.Event(1, messageId: "Q1");
        var ts = e.Timestamp.ToUnixTimeSeconds();
        var layout = new List<char> { (char)0 };
        layout.AddRange([(char)(ushort)ts, (char)(ushort)(ts >> 16), (char)(ushort)(ts >> 32), (char)(ushort)(ts >> 48)]);
        layout.Add((char)(int)e.Action);
        foreach (var text in new[] { e.Recipient, e.RemoteHost, e.Reply, e.MessageId, e.SendingIp })
        {
            layout.AddRange([(char)(ushort)text!.Length, (char)0]);
            layout.AddRange(text);
        }
        var expected = unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(layout))));
        Assert.Equal(expected, Identity.Of(e));
    }

    [Fact]
    public void Of_PartsShiftedBetweenFields_Differ()
    {
        var a = new StoredEvent { Timestamp = TempStore.T0, Recipient = "a", RemoteHost = "bc" };
        var b = new StoredEvent { Timestamp = TempStore.T0, Recipient = "ab", RemoteHost = "c" };
        Assert.NotEqual(Identity.Of(a), Identity.Of(b));
    }

    [Fact]
    public void Of_NullAndEmpty_Differ()
    {
        var a = new StoredEvent { Timestamp = TempStore.T0, SendingIp = null };
        var b = new StoredEvent { Timestamp = TempStore.T0, SendingIp = "" };
        Assert.NotEqual(Identity.Of(a), Identity.Of(b));
    }

    [Fact]
    public void Of_SameAttemptFromAnotherSource_Same()
    {
        var e = TempStore.Event(2);
        var copy = new StoredEvent
        {
            Timestamp = e.Timestamp, Action = e.Action, Recipient = e.Recipient, RemoteHost = e.RemoteHost, Reply = e.Reply,
            MessageId = e.MessageId, SendingIp = e.SendingIp, Source = "copy.log", Index = 42, Receiver = "other",
        };
        Assert.Equal(Identity.Of(e), Identity.Of(copy));
    }

    [Fact]
    public void Of_AnchorlessEvents_DifferBySourceAndPosition()
    {
        StoredEvent At(string source, int index) => new()
        {
            Timestamp = TempStore.T0, TimestampEstimated = true, Action = DeliveryAction.Failed, Reply = "550 5.1.1 unknown",
            Source = source, Index = index,
        };
        Assert.NotEqual(Identity.Of(At("a.eml", 1)), Identity.Of(At("a.eml", 2)));
        Assert.NotEqual(Identity.Of(At("a.eml", 1)), Identity.Of(At("b.eml", 1)));
        Assert.Equal(Identity.Of(At("a.eml", 1)), Identity.Of(At("a.eml", 1)));
    }

    [Fact]
    public void Of_LongParts_HashesWholeText()
    {
        var longReply = new string('x', 5000);
        var a = new StoredEvent { Timestamp = TempStore.T0, Reply = longReply + "a" };
        var b = new StoredEvent { Timestamp = TempStore.T0, Reply = longReply + "b" };
        Assert.NotEqual(Identity.Of(a), Identity.Of(b));
    }
}
