namespace DeliverabilityBot.Server.Web;

/// <summary>
/// Response headers for the web chat: a strict Content-Security-Policy (own scripts and styles only, no inline
/// script, no framing), no MIME sniffing, no referrer.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy: everything from this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        await next(context);
    });
}
