using DeliverabilityBot.Conversation.Answers;

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

    /// <summary>The headline when there is no traffic at all in the window.</summary>
    public static string NoData(Question q) =>
        $"No delivery attempts to {q.ReceiverName} {q.RangeText} ({Numbers.Window(q.Window)}).";
}
