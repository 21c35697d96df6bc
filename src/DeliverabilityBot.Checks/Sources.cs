namespace DeliverabilityBot.Checks;

/// <summary>The documents each check's interpretation follows.</summary>
public static class Sources
{
    /// <summary>SPF.</summary>
    public const string Spf = "https://www.rfc-editor.org/rfc/rfc7208";

    /// <summary>DKIM.</summary>
    public const string Dkim = "https://www.rfc-editor.org/rfc/rfc6376";

    /// <summary>DKIM key sizes (1024 bits minimum for verifiers, 2048 recommended for signers).</summary>
    public const string DkimKeySizes = "https://www.rfc-editor.org/rfc/rfc8301";

    /// <summary>DMARC.</summary>
    public const string Dmarc = "https://www.rfc-editor.org/rfc/rfc7489";

    /// <summary>SMTP: MX lookup and the implicit MX (section 5.1).</summary>
    public const string Smtp = "https://www.rfc-editor.org/rfc/rfc5321#section-5.1";

    /// <summary>Null MX.</summary>
    public const string NullMx = "https://www.rfc-editor.org/rfc/rfc7505";

    /// <summary>DNS blocklists.</summary>
    public const string Dnsbl = "https://www.rfc-editor.org/rfc/rfc5782";

    /// <summary>Gmail's sender guidelines (valid forward and reverse DNS, SPF, DKIM, DMARC for bulk).</summary>
    public const string Gmail = "https://support.google.com/mail/answer/81126";

    /// <summary>Apple's postmaster page (reverse DNS with your domain, SPF, DKIM, a DMARC policy).</summary>
    public const string Apple = "https://support.apple.com/en-us/102322";
}
