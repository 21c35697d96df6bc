namespace DeliverabilityBot.Checks.Spf;

/// <summary>
/// One term of an SPF record: a mechanism with its qualifier (<c>-all</c>, <c>include:_spf.example.net</c>,
/// <c>ip4:192.0.2.0/24</c>) or a modifier (<c>redirect=</c>, <c>exp=</c>), as RFC 7208 section 4.6.1 parses it.
/// </summary>
/// <param name="Qualifier">'+', '-', '~' or '?' for a mechanism; '\0' for a modifier.</param>
/// <param name="Name">The mechanism or modifier name, lower case.</param>
/// <param name="Argument">The domain-spec or address after ':' or '=' (null when absent).</param>
/// <param name="Cidr4">The IPv4 prefix length ("/24"), when given.</param>
/// <param name="Cidr6">The IPv6 prefix length ("//64"), when given.</param>
public sealed record SpfTerm(char Qualifier, string Name, string? Argument, int? Cidr4, int? Cidr6)
{
    /// <summary>True for a modifier (<c>name=value</c>).</summary>
    public bool IsModifier => Qualifier == '\0';

    /// <summary>The result this mechanism gives when it matches.</summary>
    public SpfResult Result => Qualifier switch
    {
        '-' => SpfResult.Fail,
        '~' => SpfResult.SoftFail,
        '?' => SpfResult.Neutral,
        _ => SpfResult.Pass,
    };

    /// <summary>True for mechanisms and modifiers that cost a DNS lookup (RFC 7208 section 4.6.4).</summary>
    public bool CountsAsLookup => Name is "include" or "a" or "mx" or "ptr" or "exists" or "redirect";
}
