namespace DeliverabilityBot.Rules.Diagnosis.Model;

/// <summary>The scope a diagnosis rule's facts are computed for.</summary>
public enum DiagnosisScopeKind
{
    /// <summary>All attempts to one receiver (<c>receiver:icloud</c>).</summary>
    Receiver,

    /// <summary>Attempts from one sending IP to one receiver (<c>ip:203.0.113.7</c>).</summary>
    SendingIp,

    /// <summary>Attempts from one sender domain to every receiver in the question (<c>domain:example.com</c>).</summary>
    SenderDomain,

    /// <summary>Attempts of one stream (a mail stream: marketing, transactional, ...) to one receiver (<c>stream:news</c>).</summary>
    Stream,
}
