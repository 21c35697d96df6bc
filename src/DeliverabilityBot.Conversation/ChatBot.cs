using System.Diagnostics;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Conversation.Intents;
using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Queries;
using Microsoft.Extensions.Logging;

namespace DeliverabilityBot.Conversation;

/// <summary>
/// The conversation core: understand the turn, apply the conversation's context, answer from
/// <see cref="IDeliverabilityQueries"/> only, remember the context. Turns of one conversation are answered in order;
/// a failing store or query yields an apologetic answer, never an exception to the channel.
/// </summary>
public sealed partial class ChatBot : IChatBot
{
    private readonly IDeliverabilityQueries _queries;
    private readonly IntentRegistry _registry;
    private readonly Understander _understander;
    private readonly IntentServices _services;
    private readonly IConversationStateStore _states;
    private readonly ChatBotOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ChatBot> _logger;
    // Striped locks keep each conversation's turns in order without a lock object per conversation ever created.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private long _lastPurgeTicks;
    private ReceiverLexicon _lexicon = ReceiverLexicon.Empty;

    /// <summary>Creates the bot; without <paramref name="checks"/> the checks intent answers that DNS checks are not set up.</summary>
    public ChatBot(IDeliverabilityQueries queries, IntentRegistry registry, IConversationStateStore states, ChatBotOptions options, TimeProvider clock, ILogger<ChatBot> logger,
        Core.Checks.IDeliverabilityChecks? checks = null)
    {
        options.Validate();
        (_queries, _registry, _states, _options, _clock, _logger) = (queries, registry, states, options, clock, logger);
        _understander = new Understander(registry);
        _services = new IntentServices(queries, registry, options, clock) { Checks = checks ?? Core.Checks.DisabledChecks.NotConfigured };
    }

    /// <inheritdoc />
    public async Task<ChatReply> AnswerAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var key = ConversationKey.Of(turn);
        var gate = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key.ToString()) % (uint)_stripes.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await AnswerInOrderAsync(turn, key, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ChatReply> AnswerInOrderAsync(ChatTurn turn, ConversationKey key, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = _clock.GetUtcNow();
        var state = await LoadAsync(key, now, ct);
        var receivers = Lexicon();
        var utterance = _understander.Understand(turn.Text, receivers);
        var question = TurnResolver.Resolve(utterance, state, _registry) with { Receivers = receivers };
        var handler = _registry[question.Intent];
        Composed composed;
        try
        {
            question = await AnchorAsync(question, handler, now, ct);
            composed = await handler.ComposeAsync(question, _services, ct);
            if (composed.Answer.FollowUps.Count == 0) composed = composed with { Answer = composed.Answer.WithFollowUps(handler.FollowUps(question)) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(ex, turn.Channel, question.Intent);
            composed = new Composed(Failure(question));
        }
        await SaveAsync(key, TurnResolver.Next(state, question, composed, now, _registry), now, ct);
        LogTurn(turn.Channel, question.Intent, question.Receiver ?? "all", question.Range.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new ChatReply(question.Intent, question.Entities.ToDictionary(), composed.Answer);
    }

    // One lexicon per registry: rebuilt only when a rules reload brought a new registry.
    private ReceiverLexicon Lexicon()
    {
        var registry = _queries.Receivers;
        var current = Volatile.Read(ref _lexicon);
        if (ReferenceEquals(current.Registry, registry)) return current;
        var built = new ReceiverLexicon(registry);
        Volatile.Write(ref _lexicon, built);
        return built;
    }

    private async Task<Question> AnchorAsync(Question q, IIntentHandler handler, DateTimeOffset now, CancellationToken ct)
    {
        if (!handler.Anchoring.HasFlag(IntentAnchoring.Traffic)) return q with { Window = q.Range.Resolve(now) };
        var latest = await _queries.LatestEventAsync(ct);
        var anchored = latest is { } l && l < now - _options.AnchorToDataAfter;
        var reference = anchored ? latest!.Value.AddSeconds(1) : now;
        return q with { Window = q.Range.Resolve(reference), AnchoredToData = anchored };
    }

    private async Task<ConversationState?> LoadAsync(ConversationKey key, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var state = await _states.GetAsync(key, ct);
            return state is not null && now - state.UpdatedAt <= _options.IdleTimeout ? state : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStateFailed(ex, "read");
            return null; // answer without context rather than not at all
        }
    }

    private async Task SaveAsync(ConversationKey key, ConversationState state, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await _states.SaveAsync(key, state, ct);
            var last = Interlocked.Read(ref _lastPurgeTicks);
            if (now.UtcTicks - last > TimeSpan.TicksPerMinute && Interlocked.CompareExchange(ref _lastPurgeTicks, now.UtcTicks, last) == last)
                await _states.PurgeAsync(now - _options.IdleTimeout, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStateFailed(ex, "write");
        }
    }

    private static Answer Failure(Question q) => new()
    {
        Intent = q.Intent,
        Headline = "I could not read the delivery history just now, so I cannot answer that. The error is in the server log; please try again shortly.",
        FollowUps = ["Help"],
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Chat turn on {Channel}: intent {Intent}, receiver {Receiver}, range {Range}, {ElapsedMs:0.0} ms")]
    private partial void LogTurn(string channel, string intent, string receiver, string range, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Answering a {Intent} turn on {Channel} failed")]
    private partial void LogAnswerFailed(Exception ex, string channel, string intent);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Conversation state {Operation} failed; answering without context")]
    private partial void LogStateFailed(Exception ex, string operation);
}
