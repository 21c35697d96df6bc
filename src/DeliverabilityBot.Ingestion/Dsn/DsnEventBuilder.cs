using System.Globalization;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;
using MimeKit.Utils;

namespace DeliverabilityBot.Ingestion.Dsn;

/// <summary>
/// Turns one per-recipient RFC 3464 group (with its per-message group) into a <see cref="BounceEvent"/>. The remote
/// reply in <c>Diagnostic-Code</c> is preferred over the generic <c>Status</c>; <c>Status</c> is kept as
/// <see cref="BounceEvent.DsnStatus"/> when the reply carries no code of its own or a different one.
/// </summary>
public static class DsnEventBuilder
{
    /// <summary>Builds the event; <paramref name="fallbackDiagnostic"/> is used when the group has no Diagnostic-Code.</summary>
    public static BounceEvent Build(DsnFieldGroup? message, DsnFieldGroup recipient, string source, int index,
        string sourceFormat, string? fallbackDiagnostic = null, SmtpStage stageHint = SmtpStage.Unknown)
    {
        var address = Addresses.Normalize(recipient.Typed("Final-Recipient")) ?? Addresses.Normalize(recipient.Typed("Original-Recipient"));
        var diagnostic = recipient.Typed("Diagnostic-Code");
        if (string.IsNullOrWhiteSpace(diagnostic)) diagnostic = fallbackDiagnostic;
        var reply = SmtpReply.Parse(diagnostic);
        EnhancedStatusCode.TryParse((recipient["Status"] ?? string.Empty).Split(' ', 2)[0].AsSpan(), out var status);
        var remoteMta = recipient.Typed("Remote-MTA");
        var stage = StageDetector.Detect(diagnostic);
        return new BounceEvent
        {
            Source = source,
            Index = index,
            Recipient = address,
            RecipientDomain = Addresses.DomainOf(address),
            RemoteHost = string.IsNullOrEmpty(remoteMta) ? null : remoteMta.Trim('[', ']').ToLowerInvariant(),
            ReportingMta = message?.Typed("Reporting-MTA")?.ToLowerInvariant(),
            Stage = stage != SmtpStage.Unknown ? stage : stageHint,
            Action = ActionOf(recipient["Action"], status ?? reply.Status),
            Reply = reply,
            DsnStatus = status is not null && !status.Equals(reply.Status) ? status : null,
            Timestamp = DateOf(recipient["Last-Attempt-Date"]) ?? DateOf(message?["Arrival-Date"]),
            Kind = EvidenceKind.Reply,
            SourceFormat = sourceFormat,
        };
    }

    /// <summary>Maps RFC 3464 <c>Action</c> (falling back on the status class) to a <see cref="DeliveryAction"/>.</summary>
    public static DeliveryAction ActionOf(string? action, EnhancedStatusCode? status)
    {
        var a = action?.Trim().ToLowerInvariant() ?? string.Empty;
        if (a.StartsWith("fail", StringComparison.Ordinal)) return DeliveryAction.Failed;
        if (a.StartsWith("delay", StringComparison.Ordinal)) return DeliveryAction.Delayed;
        if (a.StartsWith("deliver", StringComparison.Ordinal)) return DeliveryAction.Delivered;
        if (a.StartsWith("relay", StringComparison.Ordinal)) return DeliveryAction.Relayed;
        if (a.StartsWith("expand", StringComparison.Ordinal)) return DeliveryAction.Expanded;
        return status?.Class switch { 4 => DeliveryAction.Delayed, 2 => DeliveryAction.Delivered, _ => DeliveryAction.Failed };
    }

    /// <summary>Parses an RFC 5322 date leniently, or null.</summary>
    public static DateTimeOffset? DateOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateUtils.TryParse(text, out var d)) return d;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }
}
