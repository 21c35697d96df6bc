using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Fetches SNS signing certificates (URLs already checked by <see cref="SnsHostPolicy"/>) with the named HTTP client
/// <see cref="ClientName"/> (no redirects, short timeout), and keeps each one: SNS signs with few certificates. A fetch
/// that failed is tried again next time.
/// </summary>
public sealed class SnsCertificates(IHttpClientFactory clients)
{
    /// <summary>The HTTP client fetching certificates and confirming subscriptions.</summary>
    public const string ClientName = "sns";

    private const int MaxCertificateBytes = 64 * 1024;
    private readonly ConcurrentDictionary<string, X509Certificate2> _cache = new(StringComparer.Ordinal);

    /// <summary>The certificate at <paramref name="url"/>.</summary>
    /// <exception cref="HttpRequestException">It could not be fetched.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">It is not a PEM certificate.</exception>
    public async Task<X509Certificate2> GetAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(url.AbsoluteUri, out var known)) return known;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var response = await clients.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxCertificateBytes) throw new HttpRequestException($"{url}: certificate larger than {MaxCertificateBytes} bytes");
        var pem = await response.Content.ReadAsStringAsync(cts.Token);
        var certificate = X509Certificate2.CreateFromPem(pem);
        if (_cache.Count > 100) _cache.Clear();
        return _cache.GetOrAdd(url.AbsoluteUri, certificate);
    }
}
