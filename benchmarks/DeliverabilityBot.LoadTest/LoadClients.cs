using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeliverabilityBot.LoadTest;

/// <summary>
/// N concurrent clients sharing one request budget and one deadline: chat turns, and Slack events of which a share is
/// re-delivered (half at once, racing the first delivery as Slack's http_timeout retry does; half after its ack). Each
/// client is one person: after a Slack event it waits for the bot's reply at the fake Web API before its next turn.
/// </summary>
public sealed class LoadClients(HttpClient http, FakeSlackApi slack, LoadOptions options, Recorder recorder, int firstClientNumber = 0)
{
    // A person in Slack waits for the bot's answer before asking again; past this the answer counts as late (the run's
    // reply check still counts it if it arrives before the drain ends).
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(30);

    private const int MaxBusyResends = 10;
    private long budget = options.Requests;
    private long eventNumber;

    /// <summary>Reply target to event id, for every Slack event sent.</summary>
    public ConcurrentDictionary<string, string> ExpectedReplies { get; } = new(StringComparer.Ordinal);

    /// <summary>First deliveries and retries sent.</summary>
    public (long Events, long Retries) SlackSent => (Interlocked.Read(ref events), Interlocked.Read(ref retries));

    private long events;
    private long retries;

    /// <summary>Runs every client (numbered from the constructor's first number, which keeps event ids apart) until the budget is spent or the deadline passes.</summary>
    public Task RunAsync(CancellationToken deadline) =>
        Task.WhenAll(Enumerable.Range(firstClientNumber, options.Clients).Select(client => Task.Run(() => ClientAsync(client, deadline), CancellationToken.None)));

    private bool TakeBudget() => Interlocked.Decrement(ref budget) >= 0;

    private async Task ClientAsync(int client, CancellationToken deadline)
    {
        var random = new Random(options.Seed * 10_007 + client);
        var turn = 0;
        while (!deadline.IsCancellationRequested && TakeBudget())
        {
            var text = Questions.All[random.Next(Questions.All.Length)];
            if (random.NextDouble() >= options.SlackShare)
            {
                // Mostly one conversation per client (follow-ups use its state); every tenth turn a new one.
                var conversation = turn++ % 10 == 0 ? null : $"load-{client}";
                await ChatAsync(conversation, text);
                continue;
            }

            var delivery = SlackEvents.Create(client, Interlocked.Increment(ref eventNumber), text, direct: random.NextDouble() < 0.3);
            ExpectedReplies[delivery.Target] = delivery.EventId;
            Interlocked.Increment(ref events);
            var reply = slack.FirstReplyAsync(delivery.Target);
            var start = Stopwatch.GetTimestamp();
            var retry = random.NextDouble() < options.RetryShare && TakeBudget();
            if (!retry)
            {
                await SlackAsync(delivery, Endpoint.SlackEvent, retryNum: null);
            }
            else if (random.Next(2) == 0)
            {
                Interlocked.Increment(ref retries);
                await Task.WhenAll(SlackAsync(delivery, Endpoint.SlackEvent, null), SlackAsync(delivery, Endpoint.SlackRetry, 1));
            }
            else
            {
                Interlocked.Increment(ref retries);
                await SlackAsync(delivery, Endpoint.SlackEvent, null);
                await SlackAsync(delivery, Endpoint.SlackRetry, 1);
            }

            await AwaitReplyAsync(delivery, reply, start);
        }
    }

    private async Task AwaitReplyAsync(SlackEvents.Delivery delivery, Task reply, long start)
    {
        try
        {
            await reply.WaitAsync(ReplyWait);
            recorder.Success(Endpoint.SlackReply, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (TimeoutException)
        {
            recorder.Late();
        }
        finally
        {
            slack.ForgetFirstReply(delivery.Target);
        }
    }

    private async Task ChatAsync(string? conversation, string text)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync("/api/chat", new { conversationId = conversation, text });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                recorder.Error(Endpoint.Chat, $"HTTP {(int)response.StatusCode} for '{text}': {Cut(body)}");
                return;
            }

            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("answer", out _) || !json.RootElement.TryGetProperty("intent", out _))
            {
                recorder.Error(Endpoint.Chat, $"no answer for '{text}': {Cut(body)}");
                return;
            }

            recorder.Success(Endpoint.Chat, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException)
        {
            recorder.Error(Endpoint.Chat, $"{exception.GetType().Name} for '{text}': {exception.Message}");
        }
    }

    private async Task SlackAsync(SlackEvents.Delivery delivery, Endpoint endpoint, int? retryNum)
    {
        for (var resend = 0; ; resend++)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var request = SlackEvents.Request(delivery, retryNum);
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    recorder.Success(endpoint, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    return;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || resend >= MaxBusyResends)
                {
                    recorder.Error(endpoint, $"HTTP {(int)response.StatusCode} for {delivery.EventId}");
                    return;
                }

                // The queue is full: Slack would re-send later with the next retry number. Wait less than asked (bounded run).
                recorder.BusyAnswer();
                retryNum = (retryNum ?? 0) + 1;
                var asked = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(asked < TimeSpan.FromSeconds(1) ? asked : TimeSpan.FromSeconds(1));
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                recorder.Error(endpoint, $"{exception.GetType().Name} for {delivery.EventId}: {exception.Message}");
                return;
            }
        }
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
