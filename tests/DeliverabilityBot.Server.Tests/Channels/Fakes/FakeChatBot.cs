using System.Collections.Concurrent;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>
/// Stands in for the conversation core: records turns and answers like a grounded diagnosis, with
/// hostile bounce text in the evidence so channel escaping is exercised.
/// </summary>
public sealed class FakeChatBot : IChatBot
{
    /// <summary>Evidence text with a Slack broadcast, a user mention and a Teams mention in it.</summary>
    public const string HostileEvidence = "554 5.7.1 [CS01] Message rejected <!channel> & <@U0ATTACK> <at>Everyone</at>";

    /// <summary>A reply naming a recipient (channels mask it outside direct messages).</summary>
    public const string RecipientEvidence = "550 5.1.1 <jane.doe@icloud.com>: Recipient address rejected: User unknown";

    private readonly ConcurrentQueue<ChatTurn> turns = new();

    /// <summary>Turns received.</summary>
    public IReadOnlyList<ChatTurn> Turns => [.. turns];

    /// <inheritdoc />
    public Task<ChatReply> AnswerAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        turns.Enqueue(turn);
        if (turn.Text.Contains("chart", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(new ChatReply("timeline", new Dictionary<string, string> { ["receiver"] = "icloud" }, ChartAnswer()));
        }

        var intent = turn.Text.Contains("evidence", StringComparison.OrdinalIgnoreCase) ? "evidence"
            : turn.Text.Equals("help", StringComparison.OrdinalIgnoreCase) ? "help"
            : "why";
        var answer = intent == "help"
            ? new Answer { Intent = "help", Headline = "Ask me why a receiver defers or rejects your mail.", FollowUps = ["why is icloud deferring us?"] }
            : new Answer
            {
                Intent = intent,
                Headline = "iCloud deferred 412 of 1,093 messages (37.7%) since 06:00 UTC",
                Blocks = [new FiguresBlock([new AnswerFigure("Deferred", "412"), new AnswerFigure("Rate", "37.7%")]), new FindingsBlock([
                    new AnswerItem
                    {
                        Title = "IP reputation block at Apple's edge (Proofpoint)",
                        Category = "reputation",
                        Confidence = 0.86,
                        Explanation = "Replies carry [CS01]: Apple's policy block for the sending IP.",
                        Evidence = [HostileEvidence, RecipientEvidence],
                        Actions = ["Check the IP at https://ipcheck.proofpoint.com/"],
                        RuleIds = ["ICL1001"],
                        References = ["https://support.apple.com/en-us/102322"],
                    },
                ]), new ActionsBlock(["Slow down sending to iCloud", "Request delisting from Proofpoint"])],
            };
        return Task.FromResult(new ChatReply(intent, new Dictionary<string, string> { ["receiver"] = "icloud" }, answer));
    }

    /// <summary>The alt text of <see cref="ChartAnswer"/>'s chart.</summary>
    public const string ChartAltText = "Chart of deferred and bounced shares per hour for iCloud: deferred 44% of 300 attempts (worst hour 2026-11-28 05:00 UTC: 70 of 100 (70%)).";

    /// <summary>A timeline answer with a three-hour chart (as the composer builds it), for channels that attach images.</summary>
    public static Answer ChartAnswer()
    {
        var t0 = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
        var rates = new double?[] { 1, 60, 70 };
        return new Answer
        {
            Intent = "timeline",
            Headline = "At iCloud it started 2026-11-28 04:00 UTC and has lasted 2 hours so far.",
            Blocks =
            [
                new ChartBlock(ChartAltText,
                [
                    new ChartSeries("attempts deferred", [.. rates.Select((v, i) => new ChartPoint(t0.AddHours(i), v))]) { Panel = "Deferred (4xx), %", Group = "attempts" },
                    new ChartSeries("attempts", [.. rates.Select((_, i) => new ChartPoint(t0.AddHours(i), 100))]) { Panel = "Attempts per hour", Group = "volume", Style = ChartStyle.Bars, IsPercent = false },
                ])
                { Title = "iCloud: deferral and bounce rates per hour" },
            ],
        };
    }
}
