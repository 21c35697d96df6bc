namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>Receiver ids: the mailbox provider or gateway that answered.</summary>
public static class Receivers
{
    /// <summary>Every receiver id rules may name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "icloud", "gmail", "yahoo", "microsoft", "proofpoint", "mimecast", "barracuda", "cisco",
        "comcast", "att", "verizon", "gmx", "webde", "mailru", "yandex", "zoho", "fastmail", "protonmail",
        "orange", "free", "libero", "naver", "qq", "docomo", "cox", "spectrum", "godaddy", "ionos", "tonline", "netease",
        "facebook", "iua", "kddi", "earthlink", "mailboxorg", "seznam", "rambler", "sina", "infomaniak", "rackspace",
        "gandi", "improvmx", "hey", "cloudflare", "messagelabs", "trendmicro", "sophos", "spambrella", "sender", "unknown",
    };

    /// <summary>The id used when the receiver cannot be told.</summary>
    public const string Unknown = "unknown";

    /// <summary>True if <paramref name="id"/> is a known receiver id.</summary>
    public static bool IsKnown(string? id) => id is not null && All.Contains(id);
}
