using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;

namespace DeliverabilityBot.Server.Access;

/// <summary>
/// Sign-in, authorization, allowed Host headers and per-caller rate limits for the web chat and <c>/api/chat</c>.
/// Teams and Slack endpoints authenticate their own requests (signatures, JWTs) and stay open to their services.
/// </summary>
public static class WebAccessExtensions
{
    /// <summary>The scheme that picks API key, bearer token or sign-in cookie for each request.</summary>
    public const string SelectorScheme = "Chat";

    /// <summary>The rate-limiter policy of <c>/api/chat</c>.</summary>
    public const string ChatRateLimit = "chat";

    /// <summary>Host headers every server accepts: the loopback names (a DNS-rebinding page sends its own name).</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Registers access control from <paramref name="plan"/> (see <see cref="WebAccessPlan.From"/>).</summary>
    public static IServiceCollection AddWebAccess(this IServiceCollection services, WebAccessPlan plan, IConfiguration configuration)
    {
        services.AddSingleton(plan);
        var options = plan.Options;
        services.Configure<HostFilteringOptions>(o =>
        {
            // An explicit AllowedHosts setting wins (the host's defaults read it when this list stays empty).
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"])) o.AllowedHosts = [.. LoopbackHosts, .. options.PublicHosts];
        });

        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key, bearer token or sign-in", o => o.ForwardDefaultSelector = context => Select(context, options))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (options.Bearer.IsConfigured)
        {
            authentication.AddJwtBearer(o =>
            {
                o.Authority = options.Bearer.Authority;
                o.Audience = options.Bearer.Audience;
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = !new Uri(options.Bearer.Authority!).IsLoopback;
            });
        }

        if (options.OpenIdConnect.IsConfigured) AddOpenIdConnect(authentication, options);
        services.AddAuthorization(o =>
        {
            if (plan.SignInRequired) o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(ChatRateLimit, context => CallerRateLimit.Partition(context, plan));
        });
        return services;
    }

    /// <summary>Authentication, authorization and the rate limiter, in that order (after routing, before the endpoints).</summary>
    public static IApplicationBuilder UseWebAccess(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(RefuseRelayedWithoutSignInAsync);
        return app;
    }

    /// <summary>
    /// A loopback server without sign-in answers only this machine. A request relayed by a proxy or tunnel on this
    /// machine (<c>devtunnel host -a</c>, say) arrives from loopback too, but carries forwarding headers: the web chat and
    /// <c>/api/chat</c> refuse it (403, saying what to set) unless sign-in is configured or anonymous access chosen.
    /// Teams and Slack endpoints, which check their own signatures, and <c>/healthz</c> still answer.
    /// </summary>
    private static Task RefuseRelayedWithoutSignInAsync(HttpContext context, RequestDelegate next)
    {
        var plan = context.RequestServices.GetRequiredService<WebAccessPlan>();
        var path = context.Request.Path;
        var webChat = path.StartsWithSegments("/api/chat") || !(path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz"));
        if (plan.SignInRequired || plan.Options.AllowAnonymous || !webChat || Channels.LoopbackRequests.ForwardingHeader(context) is not { } header)
            return next(context);

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync(
            $"This request came through a proxy or tunnel ({header}), and the web chat has no sign-in. Set Chat__PublicHost and a sign-in method, or Chat__AllowAnonymous=true (see the README: Running it for a team).");
    }

    /// <summary>True when the caller may see details (store state, rule folder): sign-in is not required, or they signed in.</summary>
    public static async Task<bool> MaySeeDetailsAsync(HttpContext context)
    {
        var plan = context.RequestServices.GetService<WebAccessPlan>();
        if (plan is null || !plan.SignInRequired) return true;
        if (context.User.Identity?.IsAuthenticated == true) return true;
        return (await context.AuthenticateAsync()).Succeeded;
    }

    /// <summary>
    /// True when the caller may see this machine's file paths: the server is not exposed, or the caller signed in.
    /// An exposed server opened with <c>Chat:AllowAnonymous</c> still keeps its paths to itself.
    /// </summary>
    public static async Task<bool> MaySeePathsAsync(HttpContext context)
    {
        var plan = context.RequestServices.GetService<WebAccessPlan>();
        if (plan is null || !plan.Exposed) return true;
        if (context.User.Identity?.IsAuthenticated == true) return true;
        return plan.Options.HasSignIn && (await context.AuthenticateAsync()).Succeeded;
    }

    private static string Select(HttpContext context, WebAccessOptions options)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)) return ApiKeyAuthenticationHandler.SchemeName;
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (options.Bearer.IsConfigured && (bearer || !options.OpenIdConnect.IsConfigured)) return JwtBearerDefaults.AuthenticationScheme;
        if (options.OpenIdConnect.IsConfigured) return CookieAuthenticationDefaults.AuthenticationScheme;
        return ApiKeyAuthenticationHandler.SchemeName;
    }

    private static void AddOpenIdConnect(AuthenticationBuilder authentication, WebAccessOptions options)
    {
        var oidc = options.OpenIdConnect;
        var publicHost = options.PublicHosts.FirstOrDefault();
        authentication.AddCookie(o =>
        {
            o.Cookie.Name = "dbot.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = publicHost is null ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                // A script's request gets 401 (the page reloads to sign in); a page request goes to the provider.
                if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else return context.HttpContext.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        authentication.AddOpenIdConnect(o =>
        {
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.CallbackPath = oidc.CallbackPath;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = !new Uri(oidc.Authority!).IsLoopback;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.TokenValidationParameters.NameClaimType = "name";
            if (publicHost is not null)
            {
                // Behind a TLS-terminating proxy or tunnel the request arrives as http on another host: tell the
                // provider the public address it has registered.
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.RedirectUri = $"https://{publicHost}{oidc.CallbackPath}";
                    return Task.CompletedTask;
                };
            }
        });
    }
}
