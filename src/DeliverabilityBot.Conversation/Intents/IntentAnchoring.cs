namespace DeliverabilityBot.Conversation.Intents;

/// <summary>How an intent takes context from the conversation (flags).</summary>
[Flags]
public enum IntentAnchoring
{
    /// <summary>Stands alone: no receiver, window or subject from earlier turns (a code explained, a rule described).</summary>
    None = 0,

    /// <summary>About the stored traffic: the window is anchored to the newest data, the receiver in focus carries over.</summary>
    Traffic = 1,

    /// <summary>About what was just discussed ("what should we do?"): the window in focus carries over too.</summary>
    FollowsSubject = 2,

    /// <summary>May be about the bounce pasted (or code explained) earlier.</summary>
    PastedSubject = 4,

    /// <summary>Uses the rule in focus (examples of the rule just described or matched).</summary>
    RuleFocus = 8,

    /// <summary>Leaves the conversation's state as it was (help, not understood).</summary>
    KeepsState = 16,
}
