using System.Diagnostics;
using DeliverabilityBot.Application.Telemetry;
using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Server.Telemetry;

/// <summary>Times every answer by channel (<c>dbot.chat.answer.duration</c>) and traces it as one activity.</summary>
internal sealed class TimedChatBot(IChatBot inner) : IChatBot
{
    public async Task<ChatReply> AnswerAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        using var activity = DeliverabilityBotTelemetry.Source.StartActivity("chat answer");
        activity?.SetTag("dbot.channel", turn.Channel);
        var start = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var reply = await inner.AnswerAsync(turn, cancellationToken);
            outcome = "answered";
            activity?.SetTag("dbot.intent", reply.Intent);
            return reply;
        }
        finally
        {
            DeliverabilityBotTelemetry.AnswerDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds,
                new KeyValuePair<string, object?>("channel", turn.Channel), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
