namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>What a file holds, told from its first bytes.</summary>
public enum InputKind
{
    /// <summary>One email (a maildir file, an .eml).</summary>
    Email,

    /// <summary>A Unix mbox: messages each starting with a <c>From </c> line.</summary>
    Mbox,

    /// <summary>MTA log lines.</summary>
    Log,

    /// <summary>Anything else: read as pasted text (a bare reply, delivery-status fields).</summary>
    Text,
}
