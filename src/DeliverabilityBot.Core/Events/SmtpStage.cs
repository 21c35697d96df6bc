namespace DeliverabilityBot.Core.Events;

/// <summary>The SMTP stage at which the reply was given, when the evidence says.</summary>
public enum SmtpStage
{
    /// <summary>Not stated in the evidence.</summary>
    Unknown,

    /// <summary>At connection or greeting (<c>refused to talk to me</c>).</summary>
    Connect,

    /// <summary>In reply to EHLO/HELO.</summary>
    Helo,

    /// <summary>In reply to MAIL FROM.</summary>
    MailFrom,

    /// <summary>In reply to RCPT TO.</summary>
    RcptTo,

    /// <summary>In reply to DATA.</summary>
    Data,

    /// <summary>In reply to end of DATA (after the message was sent).</summary>
    EndOfData,

    /// <summary>No remote reply: the sender's own queue decided (expiry, suppression).</summary>
    SenderQueue,
}
