using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>The conclusions a rule states (reason, receiver, filter, retryable, hardBounce), by field.</summary>
internal static class Conclusions
{
    public static Dictionary<string, string> Of(RuleDescriptor d)
    {
        var c = new Dictionary<string, string>(StringComparer.Ordinal);
        if (d.Reason is not null) c["reason"] = d.Reason;
        if (d.Receiver is not null) c["receiver"] = d.Receiver;
        if (d.Filter is not null) c["filter"] = d.Filter;
        if (d.Retryable is { } r) c["retryable"] = r ? "true" : "false";
        if (d.HardBounce is { } h) c["hardBounce"] = h ? "true" : "false";
        return c;
    }
}
