using System.Net;
using System.Net.Sockets;
using DnsClient;
using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Checks.Domain;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks;

/// <summary>
/// Forward-confirmed reverse DNS of a sending IP: a PTR name whose A/AAAA records include the IP again. Gmail requires
/// it of every sender; Apple asks for reverse DNS "with your domain".
/// </summary>
public sealed class ReverseDnsCheck(IDnsResolver dns)
{
    /// <summary>Checks <paramref name="ip"/>; <paramref name="ourDomains"/> tells whether the name is ours.</summary>
    public async Task<CheckResult> RunAsync(IPAddress ip, IReadOnlyList<string> ourDomains, CancellationToken ct)
    {
        var ptr = await dns.PtrAsync(ip, ct);
        var query = ip.GetArpaName().TrimEnd('.') + " PTR";
        if (ptr.IsFailed) return Result(ip, CheckStatus.Unknown, $"Could not look up the reverse DNS of {ip}: {ptr.Error}.", query, []);
        if (ptr.Values.Count == 0)
            return Result(ip, CheckStatus.Problem, $"{ip} has no reverse DNS (PTR): Gmail requires forward and reverse DNS of sending IPs, and many receivers defer or refuse mail without it.", query, []);
        var details = new List<string>();
        string? confirmed = null;
        foreach (var name in ptr.Values.Take(10))
        {
            var forward = ip.AddressFamily == AddressFamily.InterNetwork ? await dns.AAsync(name, ct) : await dns.AaaaAsync(name, ct);
            if (forward.IsFailed)
            {
                details.Add($"{name}: forward lookup failed ({forward.Error}).");
                continue;
            }
            var back = forward.Values.Any(a => a.Equals(ip));
            details.Add(back ? $"{name} resolves back to {ip}." : $"{name} resolves to {(forward.Values.Count == 0 ? "nothing" : string.Join(", ", forward.Values))}, not {ip}.");
            if (back) confirmed ??= name;
        }
        var records = ptr.Values.ToList();
        if (confirmed is null)
        {
            var failed = details.All(d => d.Contains("forward lookup failed", StringComparison.Ordinal));
            return failed
                ? Result(ip, CheckStatus.Unknown, $"{ip} has reverse DNS {records[0]}, but its forward lookup did not answer.", query, records, details)
                : Result(ip, CheckStatus.Problem, $"{ip}'s reverse DNS {records[0]} is not forward-confirmed (the name does not resolve back to {ip}): Gmail and others treat that like no reverse DNS.", query, records, details);
        }
        var org = DomainNames.Organizational(confirmed);
        if (ourDomains.Count > 0 && !ourDomains.Any(d => DomainNames.Organizational(d) == org))
            details.Add($"{confirmed} is not under our sending domains ({string.Join(", ", ourDomains)}); Apple asks for reverse DNS with your domain (shared ESP IPs carry the ESP's).");
        return Result(ip, CheckStatus.Ok, $"{ip} has forward-confirmed reverse DNS: {confirmed}.", query, records, details);
    }

    private static CheckResult Result(IPAddress ip, CheckStatus status, string summary, string query, IReadOnlyList<string> records, IReadOnlyList<string>? details = null) =>
        new(CheckKind.ReverseDns, ip.ToString(), status, summary) { Query = query, Records = records, Details = details ?? [], Source = Sources.Gmail };
}
