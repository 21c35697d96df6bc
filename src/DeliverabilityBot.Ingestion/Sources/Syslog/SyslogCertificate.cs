using System.Security.Cryptography.X509Certificates;

namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>Loads the TLS listener's certificate from configuration (<see cref="SyslogOptions.CertificatePath"/>).</summary>
internal static class SyslogCertificate
{
    /// <exception cref="InvalidOperationException">No certificate configured, or it has no private key.</exception>
    public static X509Certificate2 Load(SyslogOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
            throw new InvalidOperationException("a tls:// syslog listener needs a certificate (CertificatePath: a .pfx or PEM file)");
        var path = options.CertificatePath;
        var certificate = path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword)
            : X509Certificate2.CreateFromPemFile(path, options.CertificateKeyPath);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"syslog certificate {path}: no private key (give CertificateKeyPath)");
        }
        return certificate;
    }
}
