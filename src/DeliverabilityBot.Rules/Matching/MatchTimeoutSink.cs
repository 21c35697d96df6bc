using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// Where regex match timeouts go: counted, and raised as <see cref="TimedOut"/> so a host can log them
/// (the CLI prints a DBR0028 warning). Thread-safe.
/// </summary>
public sealed class MatchTimeoutSink
{
    private long _count;

    /// <summary>Timeouts seen so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Raised on each timeout with the rule id, the pattern and the event.</summary>
    public event Action<string, string, BounceEvent>? TimedOut;

    /// <summary>Records one timeout.</summary>
    public void Report(string ruleId, string pattern, BounceEvent bounce)
    {
        Interlocked.Increment(ref _count);
        TimedOut?.Invoke(ruleId, pattern, bounce);
    }
}
