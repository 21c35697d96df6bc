using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>
/// A local stand-in for login.botframework.com: RSA keys, a JWKS with per-key endorsements, the OpenID
/// metadata document, and tokens minted with any claim or algorithm a test needs.
/// </summary>
public sealed class BotFrameworkTestKeys
{
    public const string AppId = "6f1b1c9e-2a4d-4c1e-9a53-1f2b3c4d5e6f";
    public const string TenantId = "0a1b2c3d-0000-4000-8000-000000000001";
    public const string Issuer = "https://api.botframework.com";
    public const string MetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "https://login.botframework.test/v1/.well-known/keys";
    public const string ServiceUrl = "https://smba.test/amer/";
    public const string ConnectorToken = "connector-access-token";

    /// <summary>Endorsed for msteams.</summary>
    public RsaSecurityKey TeamsKey => SharedTeamsKey.Value;

    private static readonly Lazy<RsaSecurityKey> SharedTeamsKey = new(() => NewKey("teams-key"));

    /// <summary>Endorsed only for another channel.</summary>
    public RsaSecurityKey OtherChannelKey => SharedOtherChannelKey.Value;

    private static readonly Lazy<RsaSecurityKey> SharedOtherChannelKey = new(() => NewKey("skype-key"));

    /// <summary>Published without endorsements.</summary>
    public RsaSecurityKey UnendorsedKey => SharedUnendorsedKey.Value;

    private static readonly Lazy<RsaSecurityKey> SharedUnendorsedKey = new(() => NewKey("bare-key"));

    /// <summary>Not published until a test rotates it in.</summary>
    public RsaSecurityKey RolledKey => SharedRolledKey.Value;

    private static readonly Lazy<RsaSecurityKey> SharedRolledKey = new(() => NewKey("rolled-key"));

    /// <summary>Whether <see cref="RolledKey"/> is in the JWKS.</summary>
    public bool Rolled { get; set; }

    /// <summary>Settings for an authenticated Teams channel wired to these fakes.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = "test-app-password",
        ["Teams:TenantId"] = TenantId,
        ["Teams:OpenIdMetadataUrl"] = MetadataUrl,
        ["Teams:TokenEndpointBaseUrl"] = "https://login.microsoftonline.test/",
        ["Teams:ServiceUrlHosts:0"] = new Uri(ServiceUrl).Host,
    };

    /// <summary>Wires the fake OpenID and Entra servers of <paramref name="host"/> to these keys.</summary>
    public void Serve(ChannelTestHost host)
    {
        host.OpenId.Respond = request => request.Uri.AbsoluteUri switch
        {
            MetadataUrl => FakeHttpHandler.Json($$"""{"issuer":"{{Issuer}}","jwks_uri":"{{JwksUrl}}","id_token_signing_alg_values_supported":["RS256"]}"""),
            JwksUrl => FakeHttpHandler.Json(Jwks()),
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
        };
        host.Login.Respond = _ => FakeHttpHandler.Json($$"""{"token_type":"Bearer","expires_in":3600,"access_token":"{{ConnectorToken}}"}""");
    }

    /// <summary>The key document.</summary>
    public string Jwks()
    {
        var keys = new JsonArray
        {
            Jwk(TeamsKey, ["msteams", "emulator"]),
            Jwk(OtherChannelKey, ["skype"]),
            Jwk(UnendorsedKey, null),
        };
        if (Rolled)
        {
            keys.Add(Jwk(RolledKey, ["msteams"]));
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>Mints a token; every part can be overridden.</summary>
    public string Mint(
        SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        string issuer = Issuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? TeamsKey, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that names the endorsed kid.</summary>
    public string MintUnsigned()
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{TeamsKey.KeyId}}"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"{{Issuer}}","aud":"{{AppId}}","serviceurl":"{{ServiceUrl}}","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(10).ToUnixTimeSeconds()}}}""");
        return $"{header}.{payload}.";
    }

    /// <summary>A symmetric key with the endorsed kid (for the HS256 confusion case).</summary>
    public SymmetricSecurityKey HmacKey() => new(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256!")) { KeyId = TeamsKey.KeyId };

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    private static JsonObject Jwk(RsaSecurityKey key, string[]? endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        }

        return jwk;
    }
}
