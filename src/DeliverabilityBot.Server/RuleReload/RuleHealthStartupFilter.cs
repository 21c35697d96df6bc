using System.Text.Json;
using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Server.Access;

namespace DeliverabilityBot.Server.RuleReload;

/// <summary>
/// <c>/healthz/rules</c>: the active rule set (version, rule count, when loaded, watched folder) and the last reload
/// attempt with its diagnostics. Degraded (still 200) when the last reload was rejected: the last good set serves.
/// Behind sign-in where sign-in is required; on an exposed server opened to anonymous callers the rules folder's path
/// is shown as <c>&lt;rules&gt;</c>.
/// </summary>
internal sealed class RuleHealthStartupFilter : IStartupFilter
{
    /// <summary>The path of the endpoint.</summary>
    public const string Path = "/healthz/rules";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, branch => branch.Run(WriteAsync));
        next(app);
    };

    private static async Task WriteAsync(HttpContext context)
    {
        // Absolute paths and rule diagnostics are for operators: behind sign-in wherever sign-in is required.
        if (!await WebAccessExtensions.MaySeeDetailsAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var rules = context.RequestServices.GetRequiredService<HotRuleSet>();
        var folder = context.RequestServices.GetRequiredService<RulesFolder>();
        var showPaths = await WebAccessExtensions.MaySeePathsAsync(context);
        string Hide(string text) => showPaths || folder.Path is null ? text : text.Replace(folder.Path, "<rules>", StringComparison.Ordinal);
        var active = rules.Active;
        var last = rules.LastReload;
        var body = new
        {
            status = last is { Applied: false } ? "Degraded" : "Healthy",
            active = new
            {
                version = active.Version,
                rules = active.Rules.Rules.Count,
                files = active.Rules.Files.Count,
                excludedFiles = active.Rules.ExcludedFiles.Select(Hide).ToList(),
                loadedAt = active.LoadedAt,
                folder = folder.Path is null ? null : Hide(folder.Path),
                watched = folder.Path is not null,
            },
            lastReload = last is null ? null : new { applied = last.Applied, at = last.At, activeVersion = last.ActiveVersion, diagnostics = last.Diagnostics.Select(Hide).ToList() },
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
