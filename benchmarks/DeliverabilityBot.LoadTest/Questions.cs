namespace DeliverabilityBot.LoadTest;

/// <summary>What people ask: the demo day's questions, stats, pasted bounces to explain, follow-ups.</summary>
public static class Questions
{
    /// <summary>Texts sent to <c>/api/chat</c> and in Slack mentions and direct messages.</summary>
    public static readonly string[] All =
    [
        "why is iCloud deferring us?",
        "why is icloud deferring us today",
        "what should we do?",
        "show me examples",
        "and gmail?",
        "stats for the last 24 hours",
        "how many bounces from yahoo this week?",
        "explain 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137",
        "explain this: 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints",
        "what does this mean? 550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.7",
        "550 5.1.1 <someone@icloud.com>: user does not exist",
        "452 4.2.2 The email account that you tried to reach is over quota",
        "Remote-MTA: dns; mx01.mail.icloud.com\nDiagnostic-Code: smtp; 554 5.7.1 [HM08] Message rejected due to local policy\nStatus: 5.7.1\nAction: failed",
        "which rule is ICL1001?",
        "why are outlook rejecting us",
        "help",
    ];
}
