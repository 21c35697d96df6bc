using System.Globalization;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Conversation.Rendering;
using DeliverabilityBot.Core.Charts;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Queries;
using DeliverabilityBot.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeliverabilityBot.Server.Charts;

/// <summary>
/// <c>GET /api/chat/chart.png?receiver=icloud&amp;from=UNIX&amp;to=UNIX[&amp;ip=IP][&amp;by=ip]</c>: the web chat's chart images,
/// drawn from the store on request (any server instance over the same history draws the same image; nothing is kept
/// in memory). Under <c>/api/chat</c>, so it has exactly the chat's access rules: sign-in when required (the page's
/// own cookie), the relay check, the per-caller rate limit.
/// </summary>
public static class ChartImageEndpoints
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/api/chat/chart.png";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapChartImages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, DrawAsync)
            .WithName("ChartImage")
            .RequireRateLimiting(WebAccessExtensions.ChatRateLimit);
        return app;
    }

    /// <summary>The endpoint URL (path and query) that draws the chart of <paramref name="source"/>.</summary>
    public static string UrlFor(ChartSource source)
    {
        var query = new List<string>();
        if (source.Receiver is { } r) query.Add("receiver=" + Uri.EscapeDataString(r));
        query.Add("from=" + source.From.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        query.Add("to=" + source.To.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (source.SendingIp is { } ip) query.Add("ip=" + Uri.EscapeDataString(ip));
        if (source.BySendingIp) query.Add("by=ip");
        return Path + "?" + string.Join("&", query);
    }

    /// <summary>The answer with each chart drawn from the store pointing at this endpoint (for the web chat).</summary>
    public static Answer WithImageUrls(Answer answer) =>
        !answer.BlocksOf<ChartBlock>().Any(c => c.Source is not null) ? answer
        : answer.MapBlocks(b => b is ChartBlock { Source: { } source } c ? c with { ImageUrl = UrlFor(source) } : b);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> DrawAsync(
        HttpContext context, IDeliverabilityQueries queries, ChartImages images, CancellationToken ct)
    {
        var q = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var receiver = q["receiver"].ToString() is { Length: > 0 } r ? r : null;
        if (receiver is not null && queries.Receivers.Find(receiver) is null && receiver != Core.Vocabulary.Receivers.Unknown)
            errors["receiver"] = [$"'{receiver}' is not a receiver the rule files know."];
        var from = Seconds(q["from"], "from", errors);
        var to = Seconds(q["to"], "to", errors);
        var ip = q["ip"].ToString() is { Length: > 0 } i ? i : null;
        if (ip is not null && !TimelineRequest.IsIpAddress(ip)) errors["ip"] = [$"'{ip}' is not an IPv4 or IPv6 address."];
        var by = q["by"].ToString();
        if (by.Length > 0 && by != "ip") errors["by"] = ["The only split is by=ip."];
        if (from is not null && to is not null && to <= from) errors["to"] = ["'to' must be after 'from'."];
        if (from is not null && to is not null && to - from > TimelineRequest.MaxWindow)
            errors["from"] = [$"A chart covers at most {TimelineRequest.MaxWindow.TotalDays:0} days."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The chart request is not valid.");

        var request = new TimelineRequest(receiver, new TimeWindow(from!.Value, to!.Value), ip, by == "ip");
        var timeline = await queries.TimelineAsync(request, ct);
        var name = receiver is null ? "all receivers" : queries.Receivers.DisplayName(receiver);
        var png = images.TryRender(RateChart.Build(timeline, name), ChartImageSize.Standard);
        if (png is null)
            return TypedResults.Problem("Charts cannot be drawn on this server (see its log: a font or Skia's native library is missing); the answer's text states the same figures.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chart unavailable");
        context.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.File(png, "image/png");
    }

    private static DateTimeOffset? Seconds(Microsoft.Extensions.Primitives.StringValues value, string name, Dictionary<string, string[]> errors)
    {
        if (long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s >= 0 && s < 253402300800)
            return DateTimeOffset.FromUnixTimeSeconds(s);
        errors[name] = [$"'{name}' must be a time in unix seconds (UTC)."];
        return null;
    }
}
