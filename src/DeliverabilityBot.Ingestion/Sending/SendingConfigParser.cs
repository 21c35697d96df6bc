using System.Net;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>
/// The deployment config's sending lines (<c>dbot.config</c>, beside the rule severity overrides), for logs that do not
/// record our IP or stream and configurations not at hand:
/// <code>
/// sending.syslog-name.postfix-out2.ip = 203.0.113.7
/// sending.syslog-name.postfix-out2.stream = marketing
/// sending.transport.icloud.ip = 203.0.113.8
/// sending.sender-domain.news.example.com.stream = newsletter
/// sending.ip.203.0.113.7.stream = marketing
/// </code>
/// Keys are <c>sending.&lt;syslog-name|transport|sender-domain|ip&gt;.&lt;name&gt;.&lt;ip|ip6|stream&gt;</c>; comments start with
/// <c>#</c> or <c>;</c>; other lines belong to other readers and are skipped.
/// </summary>
public static partial class SendingConfigParser
{
    /// <summary>The prefix of the lines read here.</summary>
    public const string Prefix = "sending.";

    /// <summary>Adds the sending lines of <paramref name="text"/> (the file <paramref name="path"/>) to <paramref name="map"/>.</summary>
    /// <exception cref="MtaConfigException">A sending line is malformed or its IP is not an address.</exception>
    public static void Parse(string path, string text, SendingMap map)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var m = Entry().Match(line);
            if (!m.Success)
                throw new MtaConfigException(path, i + 1, $"'{PostfixParameters.Shorten(line)}' is not 'sending.<syslog-name|transport|sender-domain|ip>.<name>.<ip|ip6|stream> = value'");
            var kind = m.Groups["kind"].Value.ToLowerInvariant();
            var name = m.Groups["name"].Value;
            var property = m.Groups["property"].Value.ToLowerInvariant();
            var value = m.Groups["value"].Value;
            var origin = $"{path}({i + 1})";
            if (property is "ip" or "ip6")
            {
                if (kind == "ip") throw new MtaConfigException(path, i + 1, "an IP's entry names its stream only: 'sending.ip.<address>.stream = name'");
                if (!IPAddress.TryParse(value, out var address) || (property == "ip") != (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
                    throw new MtaConfigException(path, i + 1, $"'{value}' is not an {(property == "ip" ? "IPv4" : "IPv6")} address");
                value = address.ToString();
            }
            var route = property switch
            {
                "ip" => new SendingRoute(value, null, null, origin),
                "ip6" => new SendingRoute(null, value, null, origin),
                _ => new SendingRoute(null, null, value, origin),
            };
            switch (kind)
            {
                case "syslog-name": map.MapSyslogName(name, route); break;
                case "transport": map.MapTransport(name, route); break;
                case "sender-domain": map.MapSenderDomain(name.ToLowerInvariant(), route); break;
                default:
                    if (!IPAddress.TryParse(name, out var ip)) throw new MtaConfigException(path, i + 1, $"'{name}' is not an IP address");
                    map.MapIpStream(ip.ToString(), value);
                    break;
            }
        }
    }

    [GeneratedRegex(@"^sending\.(?<kind>syslog-name|transport|sender-domain|ip)\.(?<name>[^\s=]+)\.(?<property>ip|ip6|stream)\s*=\s*(?<value>[^\s#;]+)\s*(?:[#;].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Entry();
}
