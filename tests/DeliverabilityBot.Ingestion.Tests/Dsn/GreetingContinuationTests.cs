using DeliverabilityBot.Ingestion.Dsn;

namespace DeliverabilityBot.Ingestion.Tests.Dsn;

/// <summary>A joined multi-line answer that opens with a 220- greeting line and then refuses (rhost-franceptt-11 shape).</summary>
public class GreetingContinuationTests
{
    [Fact]
    public void WithoutGreetingContinuation_GreetingThenRefusal_KeepsTheRefusal()
    {
        Assert.Equal("421 4.2.1 Service refused, please try later.",
            DsnEventBuilder.WithoutGreetingContinuation("220-mx.example.org 421 4.2.1 Service refused, please try later."));
    }

    [Theory]
    [InlineData("550 5.1.1 User unknown")]
    [InlineData("220-mx.example.org ESMTP ready")]
    [InlineData("250 2.0.0 Ok: queued as 123")]
    public void WithoutGreetingContinuation_NoGreetingBeforeARefusal_Unchanged(string diagnostic)
    {
        Assert.Equal(diagnostic, DsnEventBuilder.WithoutGreetingContinuation(diagnostic));
    }
}
