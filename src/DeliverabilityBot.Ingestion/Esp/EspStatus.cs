namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>What an ESP says happened to one message for one recipient, in the providers' common terms.</summary>
public enum EspStatus
{
    /// <summary>The receiver accepted it.</summary>
    Delivered,

    /// <summary>The receiver deferred it; the ESP will try again.</summary>
    Deferred,

    /// <summary>The receiver (or the ESP after its retries) refused it for good.</summary>
    Bounced,

    /// <summary>The ESP did not send it (suppressed address, policy): no receiver answered.</summary>
    Dropped,

    /// <summary>The recipient complained (feedback loop).</summary>
    Complained,
}
