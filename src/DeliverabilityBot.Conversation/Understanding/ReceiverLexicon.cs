namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// The receivers people ask about, with their synonyms, mail domains and the names safe to match with a typo.
/// Ids are those of <see cref="Core.Vocabulary.Receivers"/>; adding a receiver is one entry here.
/// </summary>
public static class ReceiverLexicon
{
    /// <summary>Every receiver the bot recognises in questions.</summary>
    public static IReadOnlyList<ReceiverInfo> All { get; } =
    [
        new("icloud", "iCloud", ["icloud.com", "me.com", "mac.com"],
            ["icloud", "i-cloud", "i cloud", "icloud mail", "apple", "apple mail", "apple's", "mobileme"], ["icloud"]),
        new("gmail", "Gmail", ["gmail.com", "googlemail.com"],
            ["gmail", "google", "googlemail", "google mail", "google workspace", "g suite", "gsuite", "gmails"], ["gmail", "google", "googlemail"]),
        new("yahoo", "Yahoo/AOL", ["yahoo.com", "aol.com", "ymail.com", "rocketmail.com"],
            ["yahoo", "aol", "ymail", "yahoo mail", "verizon media", "yahooinc"], ["yahoo"]),
        new("microsoft", "Microsoft (Outlook.com, Microsoft 365)", ["outlook.com", "hotmail.com", "live.com", "msn.com"],
            ["outlook", "hotmail", "live", "msn", "microsoft", "office 365", "office365", "o365", "m365", "microsoft 365",
             "exchange online", "outlook.com", "eop"], ["outlook", "hotmail", "microsoft", "office365"]),
        new("proofpoint", "Proofpoint", ["pphosted.com", "ppe-hosted.com"],
            ["proofpoint", "proof point", "pphosted", "ppe", "proofpoint essentials"], ["proofpoint"]),
        new("mimecast", "Mimecast", ["mimecast.com"], ["mimecast"], ["mimecast"]),
        new("barracuda", "Barracuda", ["barracudanetworks.com"], ["barracuda"], ["barracuda"]),
        new("cisco", "Cisco Secure Email", ["iphmx.com"], ["cisco", "ironport"], ["ironport"]),
        new("comcast", "Comcast", ["comcast.net"], ["comcast", "xfinity"], ["comcast", "xfinity"]),
        new("att", "AT&T", ["att.net", "sbcglobal.net", "bellsouth.net"], ["at&t", "att", "sbcglobal", "bellsouth"], ["sbcglobal", "bellsouth"]),
        new("gmx", "GMX", ["gmx.net", "gmx.de", "gmx.com"], ["gmx"], []),
        new("webde", "WEB.DE", ["web.de"], ["webde", "web.de"], []),
        new("mailru", "Mail.ru", ["mail.ru"], ["mailru", "mail.ru"], []),
        new("yandex", "Yandex", ["yandex.ru", "yandex.com"], ["yandex"], ["yandex"]),
        new("zoho", "Zoho", ["zoho.com"], ["zoho"], []),
        new("fastmail", "Fastmail", ["fastmail.com"], ["fastmail"], ["fastmail"]),
        new("protonmail", "Proton Mail", ["proton.me", "protonmail.com", "pm.me"], ["protonmail", "proton mail", "proton"], ["protonmail"]),
        new("orange", "Orange", ["orange.fr", "wanadoo.fr"], ["wanadoo"], ["wanadoo"]),
        new("free", "Free", ["free.fr"], [], []),
        new("libero", "Libero", ["libero.it"], ["libero"], ["libero"]),
        new("naver", "Naver", ["naver.com"], ["naver"], []),
        new("qq", "QQ Mail", ["qq.com"], ["qq mail", "tencent"], ["tencent"]),
        new("docomo", "NTT DOCOMO", ["docomo.ne.jp"], ["docomo", "ntt docomo"], ["docomo"]),
    ];

    private static readonly Dictionary<string, ReceiverInfo> ById = All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry for a receiver id, or null.</summary>
    public static ReceiverInfo? Find(string? id) => id is not null && ById.TryGetValue(id, out var r) ? r : null;

    /// <summary>The display name for a receiver id (the id itself when unknown, "all receivers" for null).</summary>
    public static string DisplayName(string? id) => id is null ? "all receivers" : Find(id)?.DisplayName ?? id;

    /// <summary>The receiver owning a mail domain (or a subdomain of one), or null.</summary>
    public static ReceiverInfo? ForDomain(string domain)
    {
        var d = domain.Trim().TrimEnd('.').ToLowerInvariant();
        foreach (var r in All)
            foreach (var owned in r.Domains)
                if (d == owned || d.EndsWith("." + owned, StringComparison.Ordinal)) return r;
        if (d.EndsWith(".mail.icloud.com", StringComparison.Ordinal)) return ById["icloud"];
        return null;
    }
}
