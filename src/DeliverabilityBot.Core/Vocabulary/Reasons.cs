namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>Sisimai's 34 bounce reasons: the shared vocabulary, so results compare with the corpus directly.</summary>
public static class Reasons
{
    /// <summary>Every reason name, in Sisimai's spelling.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "authfailure", "badreputation", "blocked", "contenterror", "delivered", "exceedlimit", "expired",
        "feedback", "filtered", "hasmoved", "hostunknown", "mailboxfull", "mailererror", "mesgtoobig",
        "networkerror", "norelaying", "notaccept", "notcompliantrfc", "onhold", "policyviolation",
        "rejected", "requireptr", "securityerror", "spamdetected", "speeding", "suspend", "syntaxerror",
        "systemerror", "systemfull", "toomanyconn", "undefined", "userunknown", "vacation", "virusdetected",
    };

    /// <summary>The reason used when nothing more specific is known.</summary>
    public const string Undefined = "undefined";

    /// <summary>True if <paramref name="name"/> is one of the 34 names.</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}
