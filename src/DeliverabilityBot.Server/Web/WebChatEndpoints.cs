namespace DeliverabilityBot.Server.Web;

/// <summary>The local web chat page at <c>/</c>: static files from <c>wwwroot</c>, served by the app itself (no CDN).</summary>
public static class WebChatEndpoints
{
    /// <summary>Serves <c>index.html</c> at <c>/</c> and the page's assets.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
