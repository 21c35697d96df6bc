using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Access;

/// <summary>
/// Authenticates <c>X-Api-Key</c> against <c>Chat:ApiKeys</c>; the caller's name is the key's name. Keys are compared
/// as SHA-256 digests in constant time, so neither a key's length nor its prefix leaks through timing.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WebAccessPlan plan) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } presented)
            return Task.FromResult(AuthenticateResult.NoResult());

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim()));
        string? caller = null;
        foreach (var (name, key) in plan.Options.ApiKeys)
        {
            // Look at every key (no early exit) so the time taken does not say which one matched.
            if (CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())))) caller ??= name;
        }

        if (caller is null) return Task.FromResult(AuthenticateResult.Fail("the API key is not one of Chat:ApiKeys"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "apikey:" + caller)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        return Task.CompletedTask;
    }
}
