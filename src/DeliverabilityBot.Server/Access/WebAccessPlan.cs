namespace DeliverabilityBot.Server.Access;

/// <summary>
/// What the configuration means for access to the web chat, decided once before the host is built: whether the
/// server is exposed (a non-loopback listen address or a public host), and whether callers must sign in.
/// </summary>
/// <param name="Options">The settings.</param>
/// <param name="ExposedAt">The first non-loopback listen URL or public host; null when only this machine can connect.</param>
public sealed record WebAccessPlan(WebAccessOptions Options, string? ExposedAt)
{
    /// <summary>The smallest API key length accepted (a guessable key is no key).</summary>
    public const int MinApiKeyLength = 16;

    /// <summary>True when other machines can reach the server.</summary>
    public bool Exposed => ExposedAt is not null;

    /// <summary>True when the web chat and <c>/api/chat</c> answer only signed-in callers.</summary>
    public bool SignInRequired => Options.WebChatEnabled && Options.HasSignIn && !Options.AllowAnonymous;

    /// <summary>Reads the settings and listen addresses; throws <see cref="ServerStartupException"/> when unsafe or incomplete.</summary>
    public static WebAccessPlan From(IConfiguration configuration)
    {
        var options = configuration.GetSection(WebAccessOptions.Section).Get<WebAccessOptions>() ?? new WebAccessOptions();
        var exposedAt = ListenAddresses.FirstExposed(ListenAddresses.Read(configuration)) ?? options.PublicHosts.FirstOrDefault();
        var plan = new WebAccessPlan(options, exposedAt);
        plan.Validate();
        return plan;
    }

    private void Validate()
    {
        var problems = new List<string>();
        var oidc = Options.OpenIdConnect;
        if (oidc.IsConfigured)
        {
            if (!IsHttps(oidc.Authority)) problems.Add($"Chat:OpenIdConnect:Authority '{oidc.Authority}' is not an https URL");
            if (string.IsNullOrWhiteSpace(oidc.ClientId)) problems.Add("Chat:OpenIdConnect:ClientId (Chat__OpenIdConnect__ClientId) is missing");
        }

        if (Options.Bearer.IsConfigured)
        {
            if (!IsHttps(Options.Bearer.Authority)) problems.Add($"Chat:Bearer:Authority '{Options.Bearer.Authority}' is not an https URL");
            if (string.IsNullOrWhiteSpace(Options.Bearer.Audience)) problems.Add("Chat:Bearer:Audience (Chat__Bearer__Audience) is missing");
        }

        foreach (var (name, key) in Options.ApiKeys)
        {
            if ((key ?? string.Empty).Trim().Length < MinApiKeyLength)
                problems.Add($"Chat:ApiKeys:{name} is shorter than {MinApiKeyLength} characters");
        }

        if (Options.PermitsPerMinute < 1) problems.Add($"Chat:PermitsPerMinute must be at least 1 (was {Options.PermitsPerMinute})");
        if (problems.Count > 0)
            throw new ServerStartupException("The web chat sign-in configuration is incomplete: " + string.Join("; ", problems) + ".");

        if (Exposed && Options.WebChatEnabled && !Options.HasSignIn && !Options.AllowAnonymous)
        {
            throw new ServerStartupException(
                $"Refusing to serve the web chat and /api/chat at {ExposedAt} without sign-in: their answers hold recipient addresses and sending IPs. "
                + "Set Chat__OpenIdConnect__Authority and Chat__OpenIdConnect__ClientId (web page), Chat__Bearer__Authority and Chat__Bearer__Audience or Chat__ApiKeys__<name> (API); "
                + "or Chat__WebChatEnabled=false to serve only Teams and Slack; or listen on 127.0.0.1 only; or Chat__AllowAnonymous=true to let anyone who can reach it ask.");
        }
    }

    private static bool IsHttps(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
