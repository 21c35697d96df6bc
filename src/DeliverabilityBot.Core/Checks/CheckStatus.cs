namespace DeliverabilityBot.Core.Checks;

/// <summary>The verdict of one check.</summary>
public enum CheckStatus
{
    /// <summary>As receivers expect (published, valid, authorised, not listed).</summary>
    Ok,

    /// <summary>Works, but weak or risky (SPF <c>~all</c> only, DMARC <c>p=none</c>, a 1024-bit key).</summary>
    Warning,

    /// <summary>A problem receivers act on (no record, invalid record, listed on a blocklist, PTR not confirmed).</summary>
    Problem,

    /// <summary>Could not be checked (DNS timed out or failed, the list refused the query): says nothing either way.</summary>
    Unknown,
}
