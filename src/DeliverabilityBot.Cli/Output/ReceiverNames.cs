using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Cli.Output;

/// <summary>How receiver and filter ids read to people: the registry's display names (the rule files' blocks).</summary>
internal static class ReceiverNames
{
    public static string Of(IReceiverRegistry registry, string? id) => id switch
    {
        null => "none",
        "sender" => "your own MTA / ESP",
        Receivers.Unknown => "an unidentified receiver",
        _ => registry.DisplayName(id),
    };
}
