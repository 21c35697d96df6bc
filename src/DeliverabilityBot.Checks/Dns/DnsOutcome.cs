namespace DeliverabilityBot.Checks.Dns;

/// <summary>How a DNS lookup ended.</summary>
public enum DnsOutcome
{
    /// <summary>Records of the type asked were returned.</summary>
    Answered,

    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NoSuchName,

    /// <summary>The name exists but has no records of the type asked (NOERROR, empty answer).</summary>
    NoData,

    /// <summary>No usable answer: timeout, network error, SERVFAIL, REFUSED. Says nothing about the records.</summary>
    Failed,
}
