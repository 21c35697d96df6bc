using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>The rule-file spelling of stages, actions and evidence kinds.</summary>
public static class FieldNames
{
    /// <summary>Stage names as written in rules.</summary>
    public static IReadOnlyDictionary<string, SmtpStage> Stages { get; } = new Dictionary<string, SmtpStage>(StringComparer.Ordinal)
    {
        ["connect"] = SmtpStage.Connect, ["helo"] = SmtpStage.Helo, ["mail-from"] = SmtpStage.MailFrom,
        ["rcpt-to"] = SmtpStage.RcptTo, ["data"] = SmtpStage.Data, ["end-of-data"] = SmtpStage.EndOfData,
        ["sender-queue"] = SmtpStage.SenderQueue,
    };

    /// <summary>Action names as written in rules.</summary>
    public static IReadOnlyDictionary<string, DeliveryAction> Actions { get; } = new Dictionary<string, DeliveryAction>(StringComparer.Ordinal)
    {
        ["failed"] = DeliveryAction.Failed, ["delayed"] = DeliveryAction.Delayed, ["delivered"] = DeliveryAction.Delivered,
        ["relayed"] = DeliveryAction.Relayed, ["expanded"] = DeliveryAction.Expanded,
    };

    /// <summary>Evidence kind names as written in rules.</summary>
    public static IReadOnlyDictionary<string, EvidenceKind> Kinds { get; } = new Dictionary<string, EvidenceKind>(StringComparer.Ordinal)
    {
        ["reply"] = EvidenceKind.Reply, ["feedback"] = EvidenceKind.Feedback, ["autoreply"] = EvidenceKind.AutoReply,
        ["logline"] = EvidenceKind.LogLine, ["espevent"] = EvidenceKind.EspEvent,
    };

    /// <summary>The rule-file name of a stage (<c>unknown</c> when not stated).</summary>
    public static string Name(SmtpStage stage) => Stages.FirstOrDefault(p => p.Value == stage).Key ?? "unknown";

    /// <summary>The rule-file name of an action.</summary>
    public static string Name(DeliveryAction action) => Actions.First(p => p.Value == action).Key;

    /// <summary>The rule-file name of an evidence kind.</summary>
    public static string Name(EvidenceKind kind) => Kinds.First(p => p.Value == kind).Key;
}
