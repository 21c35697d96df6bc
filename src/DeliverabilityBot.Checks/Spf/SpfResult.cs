namespace DeliverabilityBot.Checks.Spf;

/// <summary>The results of SPF's check_host() (RFC 7208 section 2.6).</summary>
public enum SpfResult
{
    /// <summary>No SPF record.</summary>
    None,

    /// <summary>The domain makes no assertion about the IP (<c>?</c>).</summary>
    Neutral,

    /// <summary>The IP is authorised.</summary>
    Pass,

    /// <summary>The IP is explicitly not authorised (<c>-</c>).</summary>
    Fail,

    /// <summary>The IP is probably not authorised (<c>~</c>).</summary>
    SoftFail,

    /// <summary>A transient DNS error.</summary>
    TempError,

    /// <summary>The record cannot be interpreted (syntax, several records, too many lookups).</summary>
    PermError,
}
