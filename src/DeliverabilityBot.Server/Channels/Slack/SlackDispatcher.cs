using DeliverabilityBot.Conversation.State;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// De-duplicates and queues Slack turns; shared by the HTTP endpoints and Socket Mode so a retry is
/// dropped whichever way it arrives.
/// </summary>
public sealed class SlackDispatcher(ChannelWorkQueue queue, SlackTurnProcessor processor, IDeliveryKeys recent, ILogger<SlackDispatcher> logger)
{
    // Prefixed so Slack's keys never meet another channel's in a shared store.
    private const string Prefix = "slack|";

    /// <summary>The outcome of <see cref="Dispatch"/>.</summary>
    public enum Outcome
    {
        /// <summary>Queued for an answer.</summary>
        Queued,

        /// <summary>Seen before; dropped.</summary>
        Duplicate,

        /// <summary>The queue is full; the caller should ask Slack to retry.</summary>
        Busy,
    }

    /// <summary>Queues the turn unless any of its keys (event id, team+channel+ts) was seen before.</summary>
    public Outcome Dispatch(SlackTurn turn, params string?[] keys)
    {
        var added = new List<string>();
        foreach (var key in keys.OfType<string>().Select(k => Prefix + k))
        {
            if (!recent.TryAdd(key))
            {
                added.ForEach(recent.Forget);
                logger.LogInformation("Slack delivery {Key} already handled; dropped", key);
                return Outcome.Duplicate;
            }

            added.Add(key);
        }

        if (queue.TryEnqueue($"Slack {turn.Team}/{turn.Channel}", token => processor.ProcessAsync(turn, token)))
        {
            return Outcome.Queued;
        }

        added.ForEach(recent.Forget);
        return Outcome.Busy;
    }
}
