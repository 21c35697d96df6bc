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
public static partial class DsnEventBuilder
{
    /// <summary>
    /// Builds the event; <paramref name="fallbackDiagnostic"/> is used when the group has no Diagnostic-Code, and
    /// <paramref name="stageHint"/> is asked only when the diagnostic names no stage (finding it may mean decoding the
    /// notification text, which a DSN whose diagnostic names its stage never needs).
    /// </summary>
    public static BounceEvent Build(DsnFieldGroup? message, DsnFieldGroup recipient, string source, int index,
        string sourceFormat, string? fallbackDiagnostic = null, Func<SmtpStage>? stageHint = null)
    {
        var address = Addresses.Normalize(recipient.Typed("Final-Recipient")) ?? Addresses.Normalize(recipient.Typed("Original-Recipient"));
        var diagnostic = WithoutGreetingContinuation(DiagnosticOf(recipient, fallbackDiagnostic));
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
            Stage = stage != SmtpStage.Unknown ? stage : stageHint?.Invoke() ?? SmtpStage.Unknown,
            Action = ActionOf(recipient["Action"], status ?? reply.Status),
            Reply = reply,
            DsnStatus = status is not null && !status.Equals(reply.Status) ? status : null,
            Timestamp = DateOf(recipient["Last-Attempt-Date"]) ?? DateOf(message?["Arrival-Date"]),
            // Postfix names its queue id and the envelope sender in the per-message group: the same queue id as its log.
            MessageId = QueueIdOf(message?["X-Postfix-Queue-ID"]),
            Sender = Addresses.Normalize(message?.Typed("X-Postfix-Sender")),
            SenderDomain = Addresses.DomainOf(Addresses.Normalize(message?.Typed("X-Postfix-Sender"))),
            Kind = EvidenceKind.Reply,
            SourceFormat = sourceFormat,
        };
    }

    /// <summary>
    /// The diagnostic without a leading greeting continuation line that a failing reply follows: Postfix joins the
    /// lines of a multi-line answer, so a server that opens with <c>220-host</c> and then refuses gives
    /// <c>220-laposte 421 4.2.1 Service refuse...</c>, whose reply is the 421, not the 220.
    /// </summary>
    public static string? WithoutGreetingContinuation(string? diagnostic) =>
        diagnostic is not null && GreetingContinuation().Match(diagnostic) is { Success: true } m ? diagnostic[m.Length..] : diagnostic;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*2\d\d-\S*\s+(?=[45]\d\d[ \-])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GreetingContinuation();

    /// <summary>
    /// True when a <c>Diagnostic-Code</c> says nothing a person or a rule could use: blank (<c>smtp;</c>) or a bare
    /// number (sendmail's <c>X-Unix; 71</c>, a local program's exit status). The notification text is used instead.
    /// </summary>
    public static bool IsUninformative(string? diagnostic) =>
        string.IsNullOrWhiteSpace(diagnostic) || !diagnostic.Any(char.IsLetter);

    private static string? DiagnosticOf(DsnFieldGroup recipient, string? fallback)
    {
        var diagnostic = recipient.Typed("Diagnostic-Code");
        if (!IsUninformative(diagnostic)) return diagnostic;
        // sendmail reports a local delivery program's failure as "X-Unix; <exit status>" (sysexits.h): say so in
        // words, after whatever the notification's transcript says, so the mailer-error rules can see it.
        var raw = recipient["Diagnostic-Code"]?.Trim() ?? string.Empty;
        var exit = raw.StartsWith("x-unix", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(diagnostic)
            ? $"(local delivery program exit status {diagnostic.Trim()})"
            : null;
        if (exit is null) return string.IsNullOrWhiteSpace(fallback) ? diagnostic : fallback;
        return string.IsNullOrWhiteSpace(fallback) ? exit : $"{fallback} {exit}";
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

    // A queue id is one token of letters and digits; anything else is not one.
    private static string? QueueIdOf(string? field)
    {
        var id = field?.Trim();
        return string.IsNullOrEmpty(id) || !id.All(char.IsAsciiLetterOrDigit) ? null : id;
    }

    /// <summary>Parses an RFC 5322 date leniently, or null.</summary>
    public static DateTimeOffset? DateOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateUtils.TryParse(text, out var d)) return d;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }
}
