namespace DeliverabilityBot.Store.Writing;

/// <summary>The dimensions one <c>hourly</c> row counts.</summary>
internal readonly record struct RollupKey(
    long Hour, long Receiver, int Action, long Reason, long Category, long Filter, long RuleSet, long SendingIp, long SenderDomain);

/// <summary>A count with the first and last time seen.</summary>
internal struct RollupCount
{
    public long N;
    public long First;
    public long Last;
}
