namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>
/// Our sending IP and stream for log lines that do not record them (Postfix logs neither), from what the deployment
/// says: Postfix's own configuration (<see cref="PostfixConfigReader"/>: <c>smtp_bind_address</c> per instance and per
/// transport, keyed by the syslog name the lines carry) and the deployment config's explicit mappings
/// (<see cref="SendingConfigParser"/>: syslog name, transport, sender domain or IP to IP and stream).
/// </summary>
/// <remarks>
/// Precedence, most specific first: an explicit mapping of the line's syslog name, then of its transport, then Postfix's
/// configuration for that syslog name (and transport), then a mapping of the sender domain; a stream still unknown is
/// the one mapped to the IP found. The transport of a line is known when one master.cf service logs under its syslog
/// name, or from <c>transport_maps</c> by recipient domain.
/// </remarks>
public sealed class SendingMap
{
    private readonly Dictionary<string, SendingRoute> _bySyslogName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SendingRoute> _byTransport = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SendingRoute> _bySenderDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _streamByIp = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<PostfixSmtpService>> _servicesBySyslogName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PostfixTransportMap> _transportMaps = [];

    /// <summary>True when nothing is mapped: readers skip the lookups.</summary>
    public bool IsEmpty => _bySyslogName.Count == 0 && _byTransport.Count == 0 && _bySenderDomain.Count == 0 && _streamByIp.Count == 0 && _servicesBySyslogName.Count == 0;

    /// <summary>Postfix SMTP client services read from <c>--mta-config</c> folders.</summary>
    public IEnumerable<PostfixSmtpService> Services => _servicesBySyslogName.Values.SelectMany(s => s);

    /// <summary>Maps the lines logged under <paramref name="syslogName"/> (e.g. <c>postfix-out2</c>).</summary>
    public void MapSyslogName(string syslogName, SendingRoute route) => Merge(_bySyslogName, syslogName, route);

    /// <summary>Maps a Postfix transport (master.cf service name).</summary>
    public void MapTransport(string transport, SendingRoute route) => Merge(_byTransport, transport, route);

    /// <summary>Maps mail from a sender domain.</summary>
    public void MapSenderDomain(string domain, SendingRoute route) => Merge(_bySenderDomain, domain.TrimEnd('.'), route);

    /// <summary>Names the stream of mail sent from <paramref name="ip"/>.</summary>
    public void MapIpStream(string ip, string stream) => _streamByIp[ip] = stream;

    /// <summary>Adds a Postfix SMTP client service read from master.cf (or an instance's main.cf).</summary>
    public void AddService(PostfixSmtpService service)
    {
        if (!_servicesBySyslogName.TryGetValue(service.SyslogName, out var list)) _servicesBySyslogName[service.SyslogName] = list = [];
        list.Add(service);
    }

    /// <summary>Adds a Postfix instance's <c>transport_maps</c> (recipient domain to transport).</summary>
    public void AddTransportMap(PostfixTransportMap map) => _transportMaps.Add(map);

    /// <summary>
    /// Our sending IP and stream for a line logged under <paramref name="syslogName"/> (null when the MTA has none) to
    /// <paramref name="recipientDomain"/> from <paramref name="senderDomain"/>, answered by <paramref name="remoteIp"/>.
    /// </summary>
    public (string? Ip, string? Stream) Resolve(string? syslogName, string? recipientDomain, string? senderDomain, string? remoteIp)
    {
        SendingRoute? route = null;
        if (syslogName is not null)
        {
            _bySyslogName.TryGetValue(syslogName, out route);
            var service = ServiceOf(syslogName, recipientDomain);
            if (service is not null && _byTransport.TryGetValue(service.Transport, out var byTransport)) route = route?.Or(byTransport) ?? byTransport;
            if (service is not null) route = route?.Or(service.Route) ?? service.Route;
            else if (SharedRoute(syslogName) is { } shared) route = route?.Or(shared) ?? shared;
        }
        if (senderDomain is not null && _bySenderDomain.TryGetValue(senderDomain, out var bySender)) route = route?.Or(bySender) ?? bySender;
        var ip = route?.IpFor(remoteIp);
        var stream = route?.Stream ?? (ip is not null && _streamByIp.TryGetValue(ip, out var s) ? s : null);
        return (ip, stream);
    }

    /// <summary>The stream mapped to <paramref name="ip"/>, for evidence whose IP came from elsewhere (the reply).</summary>
    public string? StreamOf(string? ip) => ip is not null && _streamByIp.TryGetValue(ip, out var s) ? s : null;

    // The service that wrote a line: the only one logging under that name, or the transport transport_maps gives the
    // recipient domain (default_transport otherwise) when that service logs under that name.
    private PostfixSmtpService? ServiceOf(string syslogName, string? recipientDomain)
    {
        if (!_servicesBySyslogName.TryGetValue(syslogName, out var services)) return null;
        if (services.Count == 1) return services[0];
        foreach (var map in _transportMaps)
        {
            var transport = map.TransportFor(recipientDomain);
            if (transport is null) continue;
            foreach (var s in services)
                if (string.Equals(s.Transport, transport, StringComparison.OrdinalIgnoreCase)) return s;
        }
        return null;
    }

    // Several services log under one name: their common route, when they all bind to the same addresses.
    private SendingRoute? SharedRoute(string syslogName)
    {
        if (!_servicesBySyslogName.TryGetValue(syslogName, out var services) || services.Count == 0) return null;
        var first = services[0].Route;
        return services.All(s => s.Route.Ip == first.Ip && s.Route.Ip6 == first.Ip6) ? first with { Stream = null } : null;
    }

    private static void Merge(Dictionary<string, SendingRoute> map, string key, SendingRoute route) =>
        map[key] = map.TryGetValue(key, out var known) ? route.Or(known) : route;
}
