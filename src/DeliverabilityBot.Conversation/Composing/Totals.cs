using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>The attempts / delivered / deferred / bounced figures every traffic answer starts with.</summary>
public static class Totals
{
    /// <summary>The four figures plus the window.</summary>
    public static IReadOnlyList<AnswerFigure> Figures(Question q, long attempts, long delivered, long deferred, long bounced) =>
    [
        new("attempts", Numbers.Count(attempts)),
        new("delivered", Numbers.Share(delivered, attempts)),
        new("deferred", Numbers.Share(deferred, attempts)),
        new("bounced", Numbers.Share(bounced, attempts)),
        new("window", Numbers.Window(q.Window)),
    ];

    /// <summary>"620 of 2,000 attempts deferred (31%), 80 bounced (4%)".</summary>
    public static string Sentence(long attempts, long delivered, long deferred, long bounced) =>
        $"{Numbers.Count(deferred)} of {Numbers.Count(attempts)} attempts deferred ({Numbers.Percent(deferred, attempts)}), "
        + $"{Numbers.Count(bounced)} bounced ({Numbers.Percent(bounced, attempts)}), {Numbers.Count(delivered)} delivered ({Numbers.Percent(delivered, attempts)})";

    /// <summary>
    /// The headline figure in messages when the report has them ("14 of 45 messages (31%) affected: 8 bounced, 7 expired,
    /// none pending"), else the attempts sentence: headlines speak in messages, details in attempts.
    /// </summary>
    public static string Headline(MessageCounts messages, long attempts, long delivered, long deferred, long bounced) =>
        messages.Total > 0
            ? $"{MessageSentence.Of(messages, null)}; {Numbers.Count(deferred)} deferred attempts of {Numbers.Count(attempts)}"
            : Sentence(attempts, delivered, deferred, bounced);

    /// <summary>The window's figures with the messages first when the report has them.</summary>
    public static IReadOnlyList<AnswerFigure> Figures(Question q, MessageCounts messages, long attempts, long delivered, long deferred, long bounced) =>
        messages.Total == 0
            ? Figures(q, attempts, delivered, deferred, bounced)
            : [new("messages", $"{Numbers.Count(messages.Total)}: {Numbers.Count(messages.Delivered)} delivered, {Numbers.Count(messages.Bounced)} bounced, "
                  + $"{Numbers.Count(messages.Expired)} expired, {Numbers.Count(messages.Pending)} pending ({Numbers.Share(messages.Affected, messages.Total)} affected)"),
               .. Figures(q, attempts, delivered, deferred, bounced)];

    /// <summary>The headline when there is no traffic at all in the window.</summary>
    public static string NoData(Question q) =>
        $"No delivery attempts to {q.ReceiverName} {q.RangeText} ({Numbers.Window(q.Window)}).";
}
