namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>
/// Receiver ids: the mailbox provider or gateway that answered. Which receivers exist is the rule files' registry
/// (<see cref="IReceiverRegistry"/>), built from their <c>receiver:</c> blocks; only the id for "cannot tell" is fixed.
/// </summary>
public static class Receivers
{
    /// <summary>The id used when the receiver cannot be told.</summary>
    public const string Unknown = "unknown";
}
