using System.Text.RegularExpressions;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Which hosts SNS signing certificates and subscription URLs may come from. Validating <c>SigningCertURL</c> loosely
/// has been broken again and again (an S3 bucket named like SNS, <c>s3.amazonaws.com</c> trusted: novu #11056,
/// validatesns #6), so the default is strict: <c>https</c>, no user or port, the host
/// <c>sns.&lt;region&gt;.amazonaws.com</c> (or <c>.com.cn</c>) as aws-sdk-net's <c>ValidateCertUrl</c> matches it,
/// the region the topic's ARN names, and for a certificate the path <c>/SimpleNotificationService-*.pem</c>. Tests
/// replace the host predicate so they never reach the network.
/// </summary>
public sealed partial class SnsHostPolicy
{
    private readonly Func<string, string?, bool> _trustedHost;

    /// <summary>The documented policy.</summary>
    public SnsHostPolicy() : this(IsSnsHost)
    {
    }

    /// <summary>A policy with another host predicate (host, region of the topic): for tests.</summary>
    public SnsHostPolicy(Func<string, string?, bool> trustedHost) => _trustedHost = trustedHost;

    /// <summary>The documented host pattern, pinned to <paramref name="region"/> when known.</summary>
    public static bool IsSnsHost(string host, string? region)
    {
        var m = SnsHost().Match(host);
        return m.Success && (region is null || string.Equals(m.Groups["region"].Value, region, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="url"/> may be fetched as a signing certificate for a topic in <paramref name="region"/>.</summary>
    public bool IsCertificateUrl(Uri url, string? region) => IsSnsUrl(url, region) && CertificatePath().IsMatch(url.AbsolutePath) && url.Query.Length == 0;

    /// <summary>True when <paramref name="url"/> may be fetched to confirm a subscription to a topic in <paramref name="region"/>.</summary>
    public bool IsSubscribeUrl(Uri url, string? region) => IsSnsUrl(url, region) && url.Query.Contains("Action=ConfirmSubscription", StringComparison.Ordinal);

    private bool IsSnsUrl(Uri url, string? region) =>
        url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && url.UserInfo.Length == 0 && _trustedHost(url.IdnHost, region);

    [GeneratedRegex(@"^sns\.(?<region>[a-zA-Z0-9\-]{3,})\.amazonaws\.com(\.cn)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SnsHost();

    [GeneratedRegex(@"^/SimpleNotificationService(-[A-Za-z0-9]+)?\.pem$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CertificatePath();
}
