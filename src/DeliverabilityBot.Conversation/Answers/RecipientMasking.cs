namespace DeliverabilityBot.Conversation.Answers;

/// <summary>When answers show recipient addresses in full (configuration <c>Chat:MaskRecipients</c>).</summary>
public enum RecipientMasking
{
    /// <summary>Masked (<c>j***@icloud.com</c>) in channels and group chats; in full in direct messages, the web chat and the CLI. The default.</summary>
    OutsideDirectMessages,

    /// <summary>Masked everywhere.</summary>
    Always,

    /// <summary>Never masked.</summary>
    Never,
}
