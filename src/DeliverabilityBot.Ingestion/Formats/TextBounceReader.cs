using System.Buffers;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Dsn;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// Reads bounces that carry no RFC 3464 report: DSN fields pasted into the text, or a vendor's notice
/// (see <see cref="TextBounceFormats"/>). Recipients come from <c>X-Failed-Recipients</c>, else the addresses named in
/// the error section, else the returned message's <c>To</c>; each one's reply is the first SMTP reply in its block.
/// </summary>
public sealed partial class TextBounceReader : IBounceReader
{
    /// <inheritdoc />
    public string Name => "text";

    /// <inheritdoc />
    public IReadOnlyList<BounceEvent> Read(BounceMessage message, string source)
    {
        if (!BounceSignals.IsBounce(message)) return [];
        var format = TextBounceFormats.Detect(message);
        var formatName = ReportingSystems.Detect(message) ?? format?.Name ?? "unknown";
        var notification = message.Notification;

        // Some gateways (Amazon WorkMail, older Notes) paste the RFC 3464 fields into the text part. A recipient
        // group needs a Final-Recipient or Original-Recipient field line: without one, the text is not split up.
        var fieldGroups = NamesRecipientField(notification) ? DsnFieldText.Parse(notification) : [];
        if (fieldGroups.Any(g => g.IsRecipientGroup))
        {
            var fromFields = DeliveryStatusReader.Read(fieldGroups, source, formatName, r => NotificationScan.ExplanationNear(notification, r));
            if (fromFields.Count > 0) return fromFields;
        }

        var section = ErrorSection.Of(notification, format?.SectionStart, format?.SectionEnd);
        var failed = FailedRecipients(message);
        var blocks = RecipientBlocks.Split(section, Excluded(message), failed);
        var events = new List<BounceEvent>();
        if (blocks.Count == 0)
        {
            var fallback = failed.FirstOrDefault() ?? Addresses.Normalize(message.OriginalHeaders?["To"]) ?? InlineOriginalTo(notification, section);
            events.Add(Build(fallback, section, message, source, 1, formatName));
            return events;
        }
        // One recipient, and its block names no reply: some formats state the reply first and list who it hit
        // after it (MailMarshal's "Could not be delivered because of / 550 5.1.1 User unknown / The following
        // recipients were affected", Apache James' "Error message below: 550 ... RCPT TO: ...").
        var replyFirst = blocks.Count == 1 ? ReplyBefore(section, blocks[0]) ?? WordsBefore(section, blocks[0]) : null;
        var heading = blocks.Count == 1 && replyFirst is null ? HeadingAbove(section, blocks[0]) : null;
        foreach (var b in blocks)
        {
            var transcript = SendmailTranscript.RemoteReplyFor(section, b.Recipient);
            events.Add(Build(b.Recipient, heading is null ? b.Text : heading + "\n" + b.Text, message, source, events.Count + 1, formatName,
                replyFirst ?? transcript?.Reply, transcript?.Stage));
        }
        // X-Failed-Recipients named someone the text did not: still a failure for them.
        foreach (var f in failed.Where(f => blocks.All(b => b.Recipient != f)))
            events.Add(Build(f, section, message, source, events.Count + 1, formatName));
        return events;
    }

    private static BounceEvent Build(string? recipient, string block, BounceMessage m, string source, int index, string format,
        string? replyFirst = null, SmtpStage? stage = null)
    {
        var diagnostic = replyFirst ?? DiagnosticOf(block, recipient);
        var reply = SmtpReply.Parse(diagnostic);
        var host = RemoteHost().Match(block);
        return new BounceEvent
        {
            Source = source,
            Index = index,
            Recipient = recipient,
            RecipientDomain = Addresses.DomainOf(recipient),
            RemoteHost = host.Success ? host.Groups["host"].Value.ToLowerInvariant() : null,
            Stage = stage ?? (StageDetector.Detect(block) is var st && st != SmtpStage.Unknown ? st : NotificationScan.StageNear(m.Notification, recipient)),
            Action = ActionOf(block, m, reply),
            Reply = reply,
            Timestamp = m.Message.Date == DateTimeOffset.MinValue ? null : m.Message.Date,
            Kind = EvidenceKind.Reply,
            SourceFormat = format,
        };
    }

    /// <summary>The recipient's reply: from the first line holding an SMTP reply to the block's end, else the block's words.</summary>
    private static string DiagnosticOf(string block, string? recipient)
    {
        var reply = ReplyLine().Match(block);
        var text = reply.Success ? block[reply.Index..] : block;
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        // The recipient's own line ("<a@b>:", "  a@b") says nothing about why.
        if (!reply.Success && lines.Count > 1 && recipient is not null && IsBareAddressLine(lines[0], recipient)) lines.RemoveAt(0);
        return string.Join('\n', lines);
    }

    /// <summary>The <c>To</c> of the original message pasted after the error section as text (no attached part to read it from), or null.</summary>
    private static string? InlineOriginalTo(string notification, string section)
    {
        var after = notification.IndexOf(section, StringComparison.Ordinal);
        if (after < 0 || section.Length == 0) return null;
        var to = InlineToHeader().Match(notification, after + section.Length);
        return to.Success ? Addresses.Normalize(to.Groups["to"].Value) : null;
    }

    /// <summary>The reply line above <paramref name="block"/> in the section, when the block itself holds none.</summary>
    private static string? ReplyBefore(string section, RecipientBlocks.Block block)
    {
        if (ReplyLine().IsMatch(block.Text)) return null;
        var at = section.IndexOf(block.Text, StringComparison.Ordinal);
        if (at <= 0) return null;
        var reply = ReplyLine().Match(section[..at]);
        if (!reply.Success) return null;
        var end = section.IndexOf('\n', reply.Index);
        return section[reply.Index..(end < 0 ? at : Math.Min(end, at))].Trim();
    }

    /// <summary>
    /// The section's words above <paramref name="block"/> when the block is the recipient's bare address and nothing
    /// else: the notice said why before naming who (EZweb's "The user(s) account is disabled." then "&lt;a@b&gt;").
    /// </summary>
    private static string? WordsBefore(string section, RecipientBlocks.Block block)
    {
        var own = block.Text.Split('\n', NonBlankLines);
        if (own.Length != 1 || !IsBareAddressLine(own[0], block.Recipient)) return null;
        return LinesAbove(section, block) is { Length: > 0 } words ? string.Join('\n', words) : null;
    }

    /// <summary>
    /// The list heading right above a block with no reply of its own, when it states what happened to the recipients
    /// listed under it (X3's "Delivery to the following recipients was aborted after 5.0 hour(s):"); else null.
    /// </summary>
    private static string? HeadingAbove(string section, RecipientBlocks.Block block)
    {
        if (ReplyLine().IsMatch(block.Text)) return null;
        return LinesAbove(section, block) is { Length: > 0 } above && ListHeading().IsMatch(above[^1]) ? above[^1] : null;
    }

    /// <summary>The section's non-blank lines above <paramref name="block"/>, trimmed; null when the block starts the section.</summary>
    private static string[]? LinesAbove(string section, RecipientBlocks.Block block)
    {
        var at = section.IndexOf(block.Text, StringComparison.Ordinal);
        return at <= 0 ? null : section[..at].Split('\n', NonBlankLines);
    }

    private const StringSplitOptions NonBlankLines = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;

    private static bool NamesRecipientField(string notification) => notification.AsSpan().ContainsAny(RecipientFields);

    private static readonly SearchValues<string> RecipientFields =
        SearchValues.Create(["Final-Recipient:", "Original-Recipient:"], StringComparison.OrdinalIgnoreCase);

    private static bool IsBareAddressLine(string line, string recipient) =>
        line.Trim('<', '>', ':', ' ', '"', '\'').Equals(recipient, StringComparison.OrdinalIgnoreCase);

    private static DeliveryAction ActionOf(string block, BounceMessage m, SmtpReply reply)
    {
        if (reply.ReplyClass == 4 && TemporaryWords().IsMatch(block + " " + m.Subject)) return DeliveryAction.Delayed;
        if (DelaySubject().IsMatch(m.Subject)) return DeliveryAction.Delayed;
        return DeliveryAction.Failed;
    }

    private static IReadOnlyList<string> FailedRecipients(BounceMessage m)
    {
        var header = m.Header("X-Failed-Recipients");
        if (string.IsNullOrWhiteSpace(header)) return [];
        return [.. Addresses.AddressPattern().Matches(header).Select(x => x.Value.ToLowerInvariant()).Distinct()];
    }

    private static HashSet<string> Excluded(BounceMessage m)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (m.From.Length > 0) set.Add(m.From);
        foreach (var to in m.Message.To.Mailboxes) if (to.Address is { } a) set.Add(a.ToLowerInvariant());
        if (Addresses.Normalize(m.OriginalHeaders?["From"]) is { } of) set.Add(of);
        if (Addresses.Normalize(m.Header("Return-Path")) is { } rp) set.Add(rp);
        return set;
    }

    [GeneratedRegex(@"^[^\n]*?(?<![\w.])(?:[245]\d\d[ \-]+(?:#?[245]\.\d{1,3}\.\d{1,3}\b)?|[245]\.\d{1,3}\.\d{1,3}\s)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyLine();

    // "... the following recipients was aborted after 5.0 hour(s):": a heading that names the recipients below it.
    [GeneratedRegex(@"\bfollowing (?:recipient|address)(?:\(e?s\)|e?s)?\b.*:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListHeading();

    [GeneratedRegex(@"^To:[ \t]*(?<to>[^\n]+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineToHeader();

    [GeneratedRegex(@"(?<host>[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+)\s*\[(?:IPv6:)?[0-9a-f:.]+\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemoteHost();

    [GeneratedRegex(@"will (?:be )?(?:retry|retried|try again|continue)|still (?:trying|being retried)|temporar|delayed|not yet been delivered", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryWords();

    [GeneratedRegex(@"^(?:Warning|Delayed Mail|Delivery Status Notification \(Delay\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelaySubject();
}
