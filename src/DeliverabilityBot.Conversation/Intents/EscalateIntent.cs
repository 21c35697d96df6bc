using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Conversation.Composing.Escalation;
using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Conversation.Intents;

/// <summary>
/// "Write the email to Apple", "draft a delisting request for Proofpoint": a ready-to-send draft to the receiver's or
/// filter's contact from the registry (with its source), filled from the evidence: company and sending domain, IPs,
/// verbatim replies with times, volumes, when it started, and placeholders for what only the sender knows.
/// </summary>
public sealed partial class EscalateIntent : IntentHandler
{
    /// <inheritdoc />
    public override string Name => "escalate";

    /// <inheritdoc />
    public override int Precedence => 13;

    /// <inheritdoc />
    public override int HelpOrder => 35;

    /// <inheritdoc />
    public override IntentAnchoring Anchoring => IntentAnchoring.Traffic;

    /// <inheritdoc />
    public override IReadOnlyList<string> Needs => ["receiver", "since"];

    /// <inheritdoc />
    public override string HelpTitle => "Escalate";

    /// <inheritdoc />
    public override string HelpLine => "Write the email to Apple · Draft a delisting request for Proofpoint · Who do we contact at Microsoft?";

    /// <inheritdoc />
    public override IReadOnlyList<IntentCue> Cues { get; } = [IntentCue.Of(EscalateCue(), 6)];

    /// <inheritdoc />
    public override IReadOnlyList<string> FollowUps(Question question) => ["Show me examples", "Which IPs are affected?", "What should we do?"];

    /// <inheritdoc />
    public override async Task<Composed> ComposeAsync(Question question, IntentServices services, CancellationToken cancellationToken)
    {
        var registry = services.Queries.Receivers;
        var target = registry.Find(question.Receiver);
        if (target is null)
        {
            var all = await services.Queries.StatsAsync(null, question.Window, cancellationToken);
            var worst = all.ByReceiver.Where(Breakdown.IsAffected).OrderByDescending(r => r.Deferred + r.Bounced).FirstOrDefault();
            target = registry.Find(worst?.Key);
            if (target is null)
                return new Composed(new Answer
                {
                    Intent = Name,
                    Headline = $"Whom should I write to? No receiver stands out {question.RangeText}; name one: \"write to Apple\", \"draft a delisting request for Proofpoint\".",
                });
        }
        var examples = (await services.Queries.ExamplesAsync(target.IsReceiver ? target.Id : null, question.Window, null, 50, cancellationToken)).ToList();
        if (!target.IsReceiver) examples = examples.Where(e => Mentions(target, e.Reply)).ToList();
        // A filter's volumes are those of the receiver whose servers returned its replies (Proofpoint at iCloud's edge).
        var trafficReceiver = target.IsReceiver ? target.Id
            : examples.Select(e => e.RemoteHost is { } h ? registry.ForDomain(h)?.Id : null).Where(id => id is not null).GroupBy(id => id).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var stats = await services.Queries.StatsAsync(trafficReceiver, question.Window, cancellationToken);
        var evidence = new EscalationEvidence(target, trafficReceiver is null ? null : registry.Find(trafficReceiver), stats, examples,
            services.Options.Company, services.Options.SendingDomain, question.RangeText);
        return new Composed(Build(question, evidence), FocusReceiver: target.Id);
    }

    /// <summary>The answer: the draft first, then the contact and its source, and what to fill in.</summary>
    public static Answer Build(Question q, EscalationEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var draft = EscalationDraft.For(e);
        var contact = EscalationDraft.ContactOf(e.Target);
        var proofpointFirst = e.Target.Id == "icloud" && e.Examples.Any(x => x.Reply.Contains("proofpoint", StringComparison.OrdinalIgnoreCase));
        var headline = contact is null
            ? $"{e.Target.DisplayName} publishes no contact in our registry; here is the draft with the evidence, to send where you reach them."
            : $"Here is a draft to {e.Target.DisplayName} ({EscalationDraft.Where(contact)}), filled from {Numbers.Count(e.Examples.Count)} replies {q.RangeText}"
              + (draft.Placeholders.Count > 0 ? $"; fill in {draft.Placeholders.Count} [bracketed] placeholders before sending." : ".");
        var notes = new List<string>();
        if (proofpointFirst)
            notes.Add("Replies name Proofpoint: Apple's edge returns Proofpoint's block, so Proofpoint's delisting comes first (ask \"draft a delisting request for Proofpoint\"); Apple's postmaster page is not the first stop.");
        notes.AddRange(draft.Asks.Select(a => "Asked for: " + a));
        return new Answer
        {
            Intent = "escalate",
            Subject = $"{e.Target.DisplayName} · {q.RangeText}",
            Headline = headline,
            Blocks =
            [
                new DraftBlock(draft.To, draft.Subject, draft.Body),
                new ListBlock(notes) { Title = "Before sending" },
                new LinksBlock(e.Target.Contacts.Select(c => new AnswerLink($"{c.Kind}: {c.Url} (source {c.Source}, {c.Confidence})", c.Url.StartsWith("mailto:", StringComparison.Ordinal) ? c.Source : c.Url)).ToList()) { Title = "Contacts (from the receiver registry)" },
            ],
        };
    }

    private static bool Mentions(ReceiverProfile filter, string reply) =>
        filter.Markers.Concat(filter.Names).Append(filter.Id).Any(m => m.Length > 2 && reply.Contains(m, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\b(?:escalat\w*|(?:write|wrtie|wirte|writ|draft|compose|prepare|send)\s+(?:\w+\s+){0,3}?(?:e-?mail|mail|letter|message|note|ticket|request|complaint|report)s?\b\s*(?:to|for)?|(?:write|reach out|talk|complain|reach) to (?:apple|icloud|the postmaster|postmaster|proofpoint|microsoft|outlook|yahoo|google|gmail|spamhaus|them)|(?:delist\w*|de-?list\w*|removal|unblock|mitigation) (?:request|form|ticket)|request (?:a )?(?:delisting|removal|mitigation)|(?:open|file|submit|raise) (?:a )?(?:ticket|case|request)|(?:who|whom|how) (?:do|should|can|could) (?:we|i) (?:contact|reach|email|write to|escalate to|talk to)|(?:contact|email) (?:the )?(?:apple|icloud|proofpoint|microsoft|yahoo|google|gmail|spamhaus|postmaster|the postmaster|their postmaster|sender support)|postmaster (?:contact|address|email)|sender support|icloudadmin)")]
    private static partial Regex EscalateCue();
}
