using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace DeliverabilityBot.Server.Access;

/// <summary>
/// One fixed window per caller for <c>/api/chat</c>: the signed-in identity (user id, API key name), else the remote
/// address. A server only this machine can reach is not limited for anonymous local callers (load tests, the CLI).
/// </summary>
public static class CallerRateLimit
{
    /// <summary>The partition for this request.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, WebAccessPlan plan)
    {
        var caller = Caller(context.User);
        var remote = context.Connection.RemoteIpAddress;
        if (caller is null && !plan.Exposed && (remote is null || IPAddress.IsLoopback(remote)))
            return RateLimitPartition.GetNoLimiter("local");

        var key = caller is null ? "ip:" + (remote?.ToString() ?? "unknown") : "user:" + caller;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = plan.Options.PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>A stable id of the signed-in caller: OIDC <c>oid</c> or <c>sub</c>, else the name; null when anonymous.</summary>
    public static string? Caller(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirst("oid")?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity.Name ?? "authenticated"
            : null;
}
