namespace DeliverabilityBot.Cli.Output;

/// <summary>How receiver and filter ids read to people.</summary>
internal static class ReceiverNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["icloud"] = "iCloud Mail (Apple)", ["gmail"] = "Gmail", ["yahoo"] = "Yahoo / AOL", ["microsoft"] = "Microsoft (Outlook.com / Microsoft 365)",
        ["proofpoint"] = "Proofpoint", ["mimecast"] = "Mimecast", ["barracuda"] = "Barracuda", ["cisco"] = "Cisco Secure Email",
        ["cloudmark"] = "Cloudmark", ["spamhaus"] = "Spamhaus", ["spamcop"] = "SpamCop", ["sender"] = "your own MTA / ESP",
        ["unknown"] = "an unidentified receiver",
    };

    public static string Of(string? id) => id is null ? "none" : Names.TryGetValue(id, out var n) ? n : id;
}
