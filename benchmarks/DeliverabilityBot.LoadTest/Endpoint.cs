namespace DeliverabilityBot.LoadTest;

/// <summary>What a request was, for the per-endpoint figures.</summary>
public enum Endpoint
{
    /// <summary><c>POST /api/chat</c>.</summary>
    Chat,

    /// <summary><c>POST /api/slack/events</c>, first delivery of an event.</summary>
    SlackEvent,

    /// <summary><c>POST /api/slack/events</c>, a deliberate re-delivery (same event_id, X-Slack-Retry-Num).</summary>
    SlackRetry,

    /// <summary>A Slack event's answer: from sending the event to its chat.postMessage reaching the fake Web API.</summary>
    SlackReply,
}
