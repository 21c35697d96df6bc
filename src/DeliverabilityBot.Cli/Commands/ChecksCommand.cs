using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeliverabilityBot.Application.Queries;
using DeliverabilityBot.Checks;
using DeliverabilityBot.Conversation.Intents;
using DeliverabilityBot.Conversation.Rendering;
using DeliverabilityBot.Core.Checks;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// <c>dbot checks [--ip IP] [--domain DOMAIN] [--selector S] [--only KINDS] [--dns SERVER] [--json]</c>: SPF, DKIM, DMARC,
/// reverse DNS, MX and DNS blocklists of our sending IPs and domains. Without --ip or --domain it checks those of
/// <c>DBOT_SENDING_IPS</c> / <c>DBOT_SENDING_DOMAINS</c>, else the busiest ones of the last 7 days of history.
/// Exit 0: nothing wrong; 1: a problem found; 2: bad input; 3: nothing could be checked.
/// </summary>
public static class ChecksCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Dictionary<string, CheckKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spf"] = CheckKind.Spf, ["dkim"] = CheckKind.Dkim, ["dmarc"] = CheckKind.Dmarc, ["ptr"] = CheckKind.ReverseDns, ["rdns"] = CheckKind.ReverseDns,
        ["mx"] = CheckKind.Mx, ["blocklists"] = CheckKind.Blocklist, ["dnsbl"] = CheckKind.Blocklist,
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var ips = new Option<string[]>("--ip") { Description = "A sending IP to check (repeatable).", AllowMultipleArgumentsPerToken = true };
        var domains = new Option<string[]>("--domain") { Description = "A sending domain to check (repeatable).", AllowMultipleArgumentsPerToken = true };
        var selectors = new Option<string[]>("--selector") { Description = "A DKIM selector: S (for every domain checked) or S._domainkey.DOMAIN (repeatable).", AllowMultipleArgumentsPerToken = true };
        var only = new Option<string?>("--only") { Description = "Comma-separated checks to run: spf, dkim, dmarc, ptr, mx, blocklists (default: all)." };
        var dns = new Option<string[]>("--dns") { Description = "DNS server to ask, IP or IP:port (repeatable; default: $DBOT_DNS, else the system's).", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for one DNS answer (default 2).", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var data = ChatSession.Data();
        var command = new Command("checks", "Check our SPF, DKIM, DMARC, reverse DNS, MX and DNS blocklist listings (Spamhaus ZEN and DBL, Barracuda, SpamCop).");
        foreach (var o in new Option[] { ips, domains, selectors, only, dns, timeout, json, data }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var kinds = new HashSet<CheckKind>();
            foreach (var name in (parse.GetValue(only) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!KindNames.TryGetValue(name, out var kind))
                {
                    error.WriteLine($"dbot checks: --only '{name}' is not a check; use spf, dkim, dmarc, ptr, mx or blocklists.");
                    return 2;
                }
                kinds.Add(kind);
            }
            var options = ChecksSettings.FromEnvironment(o =>
            {
                if (parse.GetValue(dns) is { Length: > 0 } servers) o.NameServers = [.. servers];
                o.Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout));
                if (parse.GetValue(selectors) is { Length: > 0 } s) o.DkimSelectors = [.. o.DkimSelectors, .. s];
            });
            foreach (var ip in parse.GetValue(ips) ?? [])
                if (!Checks.Dns.IpText.IsIp(ip)) { error.WriteLine($"dbot checks: --ip '{ip}' is not an IP address."); return 2; }
            IDeliverabilityChecks checks;
            try
            {
                checks = ChecksServiceCollectionExtensions.Create(options, TimeProvider.System);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"dbot checks: {ex.Message.Replace("Checks:NameServers", "--dns", StringComparison.Ordinal).Replace("Checks:Timeout", "--timeout", StringComparison.Ordinal).Replace("Checks:DkimSelectors", "--selector", StringComparison.Ordinal)}");
                return 2;
            }
            IReadOnlyList<string> ipList = parse.GetValue(ips) is { Length: > 0 } givenIps ? givenIps : checks.Configured.Ips;
            IReadOnlyList<string> domainList = parse.GetValue(domains) is { Length: > 0 } givenDomains ? givenDomains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()).ToList() : checks.Configured.Domains;
            var named = parse.GetValue(ips) is { Length: > 0 } || parse.GetValue(domains) is { Length: > 0 };
            if (!named && (ipList.Count == 0 || domainList.Count == 0) && checks.Enabled)
            {
                var history = await FromHistoryAsync(parse, data, error, ct);
                if (history is null) return 2;
                if (ipList.Count == 0) ipList = history.Value.Ips;
                if (domainList.Count == 0) domainList = history.Value.Domains;
            }
            var request = new CheckRequest
            {
                Ips = ipList, Domains = domainList, Kinds = kinds,
                DkimSelectors = [.. checks.Configured.DkimSelectors.Where(s => domainList.Contains(s.Domain))],
            };
            var report = await checks.RunAsync(request, ct);
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(report, Json));
            else
                output.Write(new PlainTextRenderer().Render(ChecksIntent.Build(report)));
            return report.CannotCheck is not null ? 3 : report.Results.Any(r => r.Status == CheckStatus.Problem) ? 1 : 0;
        });
        return command;
    }

    private static async Task<(IReadOnlyList<string> Ips, IReadOnlyList<string> Domains)?> FromHistoryAsync(ParseResult parse, Option<string?> data, TextWriter error, CancellationToken ct)
    {
        try
        {
            var folder = DataFolder.Resolve(parse.GetValue(data));
            var runtime = CliRuntime.Create(parse, o => o.DataDirectory = folder);
            var queries = new DeliverabilityQueries(runtime);
            var latest = await queries.LatestEventAsync(ct) ?? DateTimeOffset.UtcNow;
            var stats = await queries.StatsAsync(null, new TimeWindow(latest.AddDays(-7), latest.AddSeconds(1)), ct);
            var ips = stats.BySendingIp.Where(r => System.Net.IPAddress.TryParse(r.Key, out _)).OrderByDescending(r => r.Attempts).Take(5).Select(r => r.Key).ToList();
            var domains = stats.BySenderDomain.Where(r => r.Key.Contains('.', StringComparison.Ordinal) && queries.Receivers.ForDomain(r.Key) is null)
                .OrderByDescending(r => r.Attempts).Take(3).Select(r => r.Key).ToList();
            if (ips.Count + domains.Count == 0)
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dbot checks: no sending IP or domain in the history of {folder}; give --ip or --domain."));
            return (ips, domains);
        }
        catch (StoreException ex)
        {
            error.WriteLine($"dbot checks: {ex.Message}");
            return null;
        }
    }
}
