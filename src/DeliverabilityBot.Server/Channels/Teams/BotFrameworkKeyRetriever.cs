using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Reads the OpenID metadata document, then its <c>jwks_uri</c>, into <see cref="BotFrameworkSigningKeys"/>.
/// Plugged into <see cref="ConfigurationManager{T}"/>, which caches and refreshes it.
/// </summary>
public sealed class BotFrameworkKeyRetriever : IConfigurationRetriever<BotFrameworkSigningKeys>
{
    /// <inheritdoc />
    public async Task<BotFrameworkSigningKeys> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel);
        string jwksUri;
        using (var document = JsonDocument.Parse(metadata))
        {
            jwksUri = document.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw new InvalidOperationException($"OpenID metadata at {address} has no jwks_uri.");
        }

        var jwks = await retriever.GetDocumentAsync(jwksUri, cancel);
        return Parse(jwks);
    }

    /// <summary>Parses a JWKS document with endorsements; keys without a kid are skipped.</summary>
    public static BotFrameworkSigningKeys Parse(string jwks)
    {
        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var key in new JsonWebKeySet(jwks).Keys)
        {
            if (!string.IsNullOrEmpty(key.Kid))
            {
                keys[key.Kid] = key;
            }
        }

        using var document = JsonDocument.Parse(jwks);
        if (document.RootElement.TryGetProperty("keys", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in array.EnumerateArray())
            {
                if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                    && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    endorsements[kid.GetString()!] = list.EnumerateArray()
                        .Where(item => item.ValueKind == JsonValueKind.String)
                        .Select(item => item.GetString()!)
                        .ToHashSet(StringComparer.Ordinal);
                }
            }
        }

        return new BotFrameworkSigningKeys(keys, endorsements);
    }
}
