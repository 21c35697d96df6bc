using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>One request a fake server received.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body's bytes as sent (an uploaded file, say), beside <see cref="Body"/> read as text.</summary>
    public byte[] Content { get; init; } = [];

    /// <summary>The body's media type, or null.</summary>
    public string? ContentType { get; init; }
}

/// <summary>
/// An in-process fake HTTP server (Bot Connector, Entra, Slack Web API): records every request, answers
/// through <see cref="Respond"/>, and lets tests await requests instead of sleeping.
/// </summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly Lock signalLock = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How the fake answers; defaults to 200 with <c>{}</c>.</summary>
    public Func<RecordedRequest, HttpResponseMessage> Respond { get; set; } = _ => Json("{}");

    /// <summary>Everything received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>A JSON response.</summary>
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Waits until <paramref name="count"/> requests match (generous timeout; fails the test after it).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count = 1, int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            Task next;
            lock (signalLock)
            {
                next = changed.Task;
            }

            var matched = Requests.Where(match).ToList();
            if (matched.Count >= count)
            {
                return matched;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"expected {count} matching requests, got {matched.Count}; all: {string.Join(", ", Requests.Select(r => r.Method + " " + r.Uri))}");
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var body = Encoding.UTF8.GetString(bytes);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, headers)
        {
            Content = bytes,
            ContentType = request.Content?.Headers.ContentType?.MediaType,
        };
        var response = Respond(recorded);
        requests.Enqueue(recorded);
        lock (signalLock)
        {
            var previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        response.RequestMessage = request;
        return response;
    }
}
