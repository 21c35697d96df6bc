namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>
/// A Postfix instance's <c>transport_maps</c> read from their source text (<c>hash:</c>, <c>texthash:</c>, ... files
/// and <c>inline:{...}</c>): recipient domain to transport, as transport(5) looks it up by domain (<c>example.com</c>
/// exactly, <c>.example.com</c> for its subdomains, <c>*</c> for the rest); an empty transport is
/// <c>default_transport</c>, as is a domain the map does not name.
/// </summary>
public sealed class PostfixTransportMap
{
    private readonly Dictionary<string, string> _byDomain = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty map for an instance whose <c>default_transport</c> is <paramref name="defaultTransport"/>.</summary>
    public PostfixTransportMap(string defaultTransport) => DefaultTransport = defaultTransport;

    /// <summary>The instance's <c>default_transport</c>.</summary>
    public string DefaultTransport { get; }

    /// <summary>Entries read.</summary>
    public int Count => _byDomain.Count;

    /// <summary>Adds the entry <c>key result</c>; <c>user@domain</c> keys are not domain routes and are ignored.</summary>
    public void Add(string key, string result)
    {
        if (key.Contains('@')) return;
        var colon = result.IndexOf(':');
        var transport = colon >= 0 ? result[..colon] : result;
        _byDomain[key.TrimEnd('.')] = transport.Trim();
    }

    /// <summary>The transport for mail to <paramref name="domain"/>, or null when the domain is unknown.</summary>
    public string? TransportFor(string? domain)
    {
        if (string.IsNullOrEmpty(domain)) return null;
        if (_byDomain.TryGetValue(domain, out var t)) return Or(t);
        for (var dot = domain.IndexOf('.'); dot >= 0; dot = domain.IndexOf('.', dot + 1))
            if (_byDomain.TryGetValue(domain[dot..], out var parent)) return Or(parent);
        return _byDomain.TryGetValue("*", out var any) ? Or(any) : DefaultTransport;
    }

    private string Or(string transport) => transport.Length > 0 ? transport : DefaultTransport;
}
