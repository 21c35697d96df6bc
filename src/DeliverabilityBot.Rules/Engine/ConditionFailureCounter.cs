namespace DeliverabilityBot.Rules.Engine;

/// <summary>Counts conditions that threw while matching (each handled as no match). Thread-safe.</summary>
public sealed class ConditionFailureCounter
{
    private long _count;

    /// <summary>Failures so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one failure.</summary>
    public void Increment() => Interlocked.Increment(ref _count);
}
