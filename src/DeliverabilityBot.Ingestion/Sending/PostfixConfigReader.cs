using System.Net;
using System.Net.Sockets;

namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>
/// Reads a Postfix configuration folder (<c>--mta-config DIR</c>: <c>main.cf</c> and, when present, <c>master.cf</c>)
/// into a <see cref="SendingMap"/>, since Postfix does not log the address it sends from: each SMTP client service
/// (master.cf lines running <c>smtp</c>; the default <c>smtp</c> service when there is no master.cf) with its syslog name
/// (<c>-o syslog_name=</c>, else main.cf's, else <c>postfix</c> or the multi-instance name) and its
/// <c>smtp_bind_address</c> / <c>smtp_bind_address6</c> (<c>-o</c> first, then main.cf, then the single non-loopback
/// address of <c>inet_interfaces</c>, which Postfix uses the same way). <c>transport_maps</c> sources are read so a
/// line's transport can be told from its recipient domain; <c>multi_instance_directories</c> are followed.
/// </summary>
public static class PostfixConfigReader
{
    /// <summary>Reads <paramref name="directory"/> (and the instances it lists) into <paramref name="map"/>; notes go to <paramref name="warnings"/>.</summary>
    /// <exception cref="MtaConfigException">A file is missing or malformed, or a bind address is not an IP address.</exception>
    public static void Read(string directory, SendingMap map, ICollection<string> warnings) =>
        Read(directory, map, warnings, new HashSet<string>(StringComparer.Ordinal));

    private static void Read(string directory, SendingMap map, ICollection<string> warnings, HashSet<string> seen)
    {
        if (!seen.Add(Path.GetFullPath(directory))) return;
        var mainCf = Path.Combine(directory, "main.cf");
        if (!File.Exists(mainCf)) throw new MtaConfigException(directory, 0, "no main.cf in this folder (--mta-config takes a Postfix configuration folder such as /etc/postfix)");
        var main = PostfixParameters.Parse(mainCf, ReadText(mainCf));
        var masterCf = Path.Combine(directory, "master.cf");
        var services = File.Exists(masterCf)
            ? PostfixMasterCf.Parse(masterCf, ReadText(masterCf))
            : [new PostfixMasterService("smtp", "unix", "smtp", new Dictionary<string, string>(), 0)];
        var added = 0;
        foreach (var s in services.Where(s => s.Command == "smtp"))
        {
            var file = s.Line > 0 ? masterCf : mainCf;
            var overrides = new Dictionary<string, string>(s.Overrides, StringComparer.Ordinal) { ["service_name"] = s.Name };
            var syslogName = main.Get("syslog_name", overrides);
            var ip = Address(main, "smtp_bind_address", overrides, file, s, AddressFamily.InterNetwork);
            var ip6 = Address(main, "smtp_bind_address6", overrides, file, s, AddressFamily.InterNetworkV6);
            map.AddService(new(s.Name, syslogName, new SendingRoute(ip, ip6, null, $"{file}({(s.Line > 0 ? s.Line : 1)})"), file, s.Line));
            added++;
        }
        if (added == 0) warnings.Add($"{masterCf}: no service runs the smtp client; no sending IP can be read from this configuration");
        ReadTransportMaps(main, directory, map, warnings);
        foreach (var instance in Split(main.Get("multi_instance_directories")))
        {
            var found = Directory.Exists(instance) ? instance : Path.Combine(directory, "..", Path.GetFileName(instance.TrimEnd('/')));
            if (Directory.Exists(found)) Read(found, map, warnings, seen);
            else warnings.Add($"{mainCf}({main.LineOf("multi_instance_directories")}): instance folder '{instance}' not found; pass it with --mta-config");
        }
    }

    // The -o value, else main.cf's, else inet_interfaces' single non-loopback address of that family; validated.
    private static string? Address(PostfixParameters main, string name, Dictionary<string, string> overrides, string file, PostfixMasterService s, AddressFamily family)
    {
        var fromMaster = s.Overrides.ContainsKey(name);
        var value = main.Get(name, overrides).Trim();
        if (value.Length == 0) return Interface(main, overrides, family);
        if (!IPAddress.TryParse(value, out var address) || address.AddressFamily != family)
        {
            var (where, line) = fromMaster ? (file, s.Line) : (main.File, main.LineOf(name));
            throw new MtaConfigException(where, line, $"{name} '{value}'{(fromMaster ? $" (service '{s.Name}')" : "")} is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");
        }
        return address.ToString();
    }

    // postconf(5) smtp_bind_address: "when inet_interfaces specifies no more than one IPv4 address, and that address is a
    // non-loopback address, it is automatically used as the smtp_bind_address" (and likewise for IPv6).
    private static string? Interface(PostfixParameters main, Dictionary<string, string> overrides, AddressFamily family)
    {
        var addresses = Split(main.Get("inet_interfaces", overrides))
            .Select(a => IPAddress.TryParse(a.Trim('[', ']'), out var ip) ? ip : null)
            .Where(ip => ip is not null && ip.AddressFamily == family).ToList();
        return addresses.Count == 1 && !IPAddress.IsLoopback(addresses[0]!) ? addresses[0]!.ToString() : null;
    }

    private static void ReadTransportMaps(PostfixParameters main, string directory, SendingMap map, ICollection<string> warnings)
    {
        var spec = main.Get("transport_maps");
        if (spec.Length == 0) return;
        var transports = new PostfixTransportMap(main.Get("default_transport").Split(':')[0]);
        var where = $"{main.File}({main.LineOf("transport_maps")})";
        foreach (var table in Tables(spec))
        {
            var colon = table.IndexOf(':');
            var type = colon > 0 ? table[..colon] : "";
            var name = colon > 0 ? table[(colon + 1)..] : table;
            if (type == "inline")
            {
                foreach (var entry in Split(name.Trim().TrimStart('{').TrimEnd('}')))
                    if (entry.IndexOf('=') is > 0 and var eq) transports.Add(entry[..eq].Trim(), entry[(eq + 1)..].Trim());
                continue;
            }
            if (type is not ("hash" or "btree" or "lmdb" or "cdb" or "dbm" or "sdbm" or "texthash"))
            {
                warnings.Add($"{where}: transport_maps table '{table}' ({type}) is not read; transports of lines under a shared syslog name are known only from hash-style tables");
                continue;
            }
            // The source text beside the indexed file: as written, else the same name in this folder (a copied config).
            var path = File.Exists(name) ? name : Path.Combine(directory, Path.GetFileName(name));
            if (!File.Exists(path))
            {
                warnings.Add($"{where}: transport_maps source '{name}' not found");
                continue;
            }
            foreach (var (line, number) in PostfixLogicalLines.Read(ReadText(path)))
            {
                var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2) throw new MtaConfigException(path, number, $"'{PostfixParameters.Shorten(line)}' is not 'pattern result'");
                transports.Add(parts[0], parts[1].Trim());
            }
        }
        if (transports.Count > 0) map.AddTransportMap(transports);
    }

    // "hash:/etc/postfix/transport, inline:{ a=b, c=d }" -> the two tables, braces kept together.
    private static IEnumerable<string> Tables(string spec)
    {
        var level = 0;
        var start = 0;
        for (var i = 0; i <= spec.Length; i++)
        {
            if (i < spec.Length && spec[i] == '{') level++;
            else if (i < spec.Length && spec[i] == '}') level--;
            else if (i == spec.Length || (level == 0 && (spec[i] is ',' || char.IsWhiteSpace(spec[i]))))
            {
                if (i > start) yield return spec[start..i];
                start = i + 1;
            }
        }
    }

    private static string[] Split(string list) => list.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MtaConfigException(path, 0, "cannot be read: " + ex.Message);
        }
    }
}
