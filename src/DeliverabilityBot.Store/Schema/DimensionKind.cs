namespace DeliverabilityBot.Store.Schema;

/// <summary>The kinds of repeated text interned into the <c>dims</c> table, so event rows hold small integers.</summary>
public enum DimensionKind
{
    /// <summary>Receiver id (<c>icloud</c>).</summary>
    Receiver = 1,

    /// <summary>Sisimai reason.</summary>
    Reason = 2,

    /// <summary>Diagnosis category of the primary finding.</summary>
    Category = 3,

    /// <summary>Filter id (<c>proofpoint</c>).</summary>
    Filter = 4,

    /// <summary>Space-separated rule ids that fired, primary first.</summary>
    RuleSet = 5,

    /// <summary>Remote MTA host name.</summary>
    RemoteHost = 6,

    /// <summary>Remote MTA IP.</summary>
    RemoteIp = 7,

    /// <summary>Our sending IP.</summary>
    SendingIp = 8,

    /// <summary>Envelope sender domain.</summary>
    SenderDomain = 9,

    /// <summary>Recipient domain.</summary>
    RecipientDomain = 10,

    /// <summary>Where the event was read from.</summary>
    Source = 11,

    /// <summary>Sending stream (transactional, marketing, a Postfix instance or transport).</summary>
    Stream = 12,
}
