using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeliverabilityBot.LoadTest;

/// <summary>
/// A fake Slack Web API on 127.0.0.1: answers <c>chat.postMessage</c> like Slack (<c>{"ok":true,"ts":...}</c>) and counts
/// the posts per reply target (channel and thread), which is how the run finds duplicate and missing replies.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> firstReplies = new(StringComparer.Ordinal);
    private long refused;
    private long sequence;

    private FakeSlackApi(WebApplication app) => this.app = app;

    /// <summary>The base URL to configure as <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Calls refused (wrong token, not JSON, no channel): a server bug if not zero.</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>How many posts reached <paramref name="target"/> (see <see cref="Target"/>).</summary>
    public int PostsTo(string target) => posts.GetValueOrDefault(target);

    /// <summary>Completes when the first reply reaches <paramref name="target"/> (register before sending the event).</summary>
    public Task FirstReplyAsync(string target) =>
        firstReplies.GetOrAdd(target, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops tracking <paramref name="target"/>'s first reply (its posts are still counted).</summary>
    public void ForgetFirstReply(string target) => firstReplies.TryRemove(target, out _);

    /// <summary>Drops the per-target counts once checked, so the live heap measured next is the server's (and the runtime's).</summary>
    public void ReleaseCounts()
    {
        posts.Clear();
        firstReplies.Clear();
    }

    /// <summary>All reply targets posted to.</summary>
    public ICollection<string> Targets => posts.Keys;

    /// <summary>The key a reply is counted under: its channel and thread.</summary>
    public static string Target(string channel, string? threadTs) => channel + "|" + (threadTs ?? "-");

    /// <summary>Starts the fake on a free loopback port; <paramref name="botToken"/> is the only token accepted.</summary>
    public static async Task<FakeSlackApi> StartAsync(string botToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", (string method, HttpContext context) => fake.HandleAsync(method, context, botToken));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return fake;
    }

    private async Task<IResult> HandleAsync(string method, HttpContext context, string botToken)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + botToken)
        {
            Interlocked.Increment(ref refused);
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        if (method != "chat.postMessage")
        {
            Interlocked.Increment(ref refused);
            return Results.Json(new { ok = false, error = "unknown_method" });
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = body.RootElement;
            var channel = root.TryGetProperty("channel", out var c) ? c.GetString() : null;
            var thread = root.TryGetProperty("thread_ts", out var t) ? t.GetString() : null;
            if (channel is null || !root.TryGetProperty("text", out _))
            {
                Interlocked.Increment(ref refused);
                return Results.Json(new { ok = false, error = "no_text" });
            }

            var target = Target(channel, thread);
            posts.AddOrUpdate(target, 1, (_, n) => n + 1);
            if (firstReplies.TryGetValue(target, out var waiter))
            {
                waiter.TrySetResult();
            }

            var ts = $"1764400000.{Interlocked.Increment(ref sequence):D6}";
            return Results.Json(new { ok = true, channel, ts });
        }
        catch (JsonException)
        {
            Interlocked.Increment(ref refused);
            return Results.Json(new { ok = false, error = "invalid_json" });
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
