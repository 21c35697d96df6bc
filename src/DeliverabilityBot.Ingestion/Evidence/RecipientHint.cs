using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Evidence;

/// <summary>
/// A recipient given beside the evidence (<c>--to</c>): an address sets recipient and domain, a bare domain
/// sets only the domain. It fills in only what the evidence itself did not say.
/// </summary>
public sealed class RecipientHint
{
    private RecipientHint(string? address, string domain)
    {
        Address = address;
        Domain = domain;
    }

    /// <summary>The address, lower-cased, or null when the hint was a domain.</summary>
    public string? Address { get; }

    /// <summary>The domain, lower-cased.</summary>
    public string Domain { get; }

    /// <summary>Reads a hint; null for null or blank input.</summary>
    public static RecipientHint? From(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint)) return null;
        var h = hint.Trim().Trim('<', '>').ToLowerInvariant();
        var at = h.LastIndexOf('@');
        return at >= 0 ? new RecipientHint(h, h[(at + 1)..]) : new RecipientHint(null, h);
    }

    /// <summary>Returns the event with the hint filled into missing recipient fields (the same instance if nothing changes).</summary>
    public BounceEvent ApplyTo(BounceEvent e)
    {
        if (e.Recipient is not null && e.RecipientDomain is not null) return e;
        if (e.Recipient is null && Address is null && e.RecipientDomain is not null) return e;
        return EventCopy.With(e, recipient: e.Recipient ?? Address, domain: e.RecipientDomain ?? Domain);
    }
}
