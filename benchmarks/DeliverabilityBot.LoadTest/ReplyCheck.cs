using System.Diagnostics;

namespace DeliverabilityBot.LoadTest;

/// <summary>Counts Slack replies per event at the fake Web API: exactly one each, none missing, none unexpected.</summary>
public sealed record ReplyCheck(int Expected, int ExactlyOnce, int Duplicated, int Missing, int Unexpected, long Refused, TimeSpan Drained)
{
    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until every expected target has a reply and the server's reply queue is
    /// empty, then counts. Replies are keyed by target; <paramref name="expected"/> maps target to event id.
    /// </summary>
    public static async Task<ReplyCheck> WaitAndCountAsync(
        IReadOnlyDictionary<string, string> expected, FakeSlackApi slack, Func<int> pendingReplies, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && (pendingReplies() > 0 || expected.Keys.Any(target => slack.PostsTo(target) == 0)))
        {
            await Task.Delay(100);
        }

        var drained = clock.Elapsed;
        var counts = expected.Keys.Select(slack.PostsTo).ToList();
        var unexpected = slack.Targets.Count(target => !expected.ContainsKey(target));
        return new ReplyCheck(
            expected.Count,
            counts.Count(n => n == 1),
            counts.Count(n => n > 1),
            counts.Count(n => n == 0),
            unexpected,
            slack.Refused,
            drained);
    }

    /// <summary>True when every event got exactly one reply and the fake refused nothing.</summary>
    public bool Clean => Duplicated == 0 && Missing == 0 && Unexpected == 0 && Refused == 0;

    /// <summary>Prints the counts.</summary>
    public void Print() =>
        Console.WriteLine(
            $"slack replies: {Expected:N0} events, {ExactlyOnce:N0} answered exactly once, {Duplicated:N0} duplicated, {Missing:N0} missing, "
            + $"{Unexpected:N0} unexpected, {Refused:N0} refused by the fake API (queue drained in {Drained.TotalSeconds:F1} s)");
}
