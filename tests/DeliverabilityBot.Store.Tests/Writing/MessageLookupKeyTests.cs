using DeliverabilityBot.Store.Schema;

namespace DeliverabilityBot.Store.Tests.Writing;

/// <summary>The stored lookup key: fixed by schema 4, so a change would orphan every stored message.</summary>
public sealed class MessageLookupKeyTests
{
    [Fact]
    public void Of_KnownInput_StaysTheStoredValue()
    {
        var key = MessageLookupKey.Of(42, "a@icloud.com");
        Assert.Equal(key, MessageLookupKey.Of(42, "a@icloud.com"));
        Assert.NotEqual(key, MessageLookupKey.Of(43, "a@icloud.com"));
        Assert.NotEqual(key, MessageLookupKey.Of(42, "b@icloud.com"));
        Assert.Equal(unchecked((long)System.IO.Hashing.XxHash3.HashToUInt64("a\0@\0i\0c\0l\0o\0u\0d\0.\0c\0o\0m\0"u8, 42)), key);
    }
}
