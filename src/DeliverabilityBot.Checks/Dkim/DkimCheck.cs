using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks.Dkim;

/// <summary>A DKIM key at <c>selector._domainkey.domain</c>: published, one record, not revoked, not testing, and big enough.</summary>
public sealed class DkimCheck(IDnsResolver dns)
{
    /// <summary>Checks one selector.</summary>
    public async Task<CheckResult> RunAsync(DkimSelector selector, CancellationToken ct)
    {
        var name = selector.QueryName;
        var txt = await dns.TxtAsync(name, ct);
        if (txt.IsFailed) return Result(selector, CheckStatus.Unknown, $"Could not look up the DKIM key {name}: {txt.Error}.", []);
        var keys = txt.Values.Where(v => v.Contains("p=", StringComparison.OrdinalIgnoreCase)).ToList();
        if (keys.Count == 0)
            return Result(selector, CheckStatus.Problem, $"No DKIM key is published at {name}: mail signed with d={selector.Domain} s={selector.Selector} fails DKIM.", txt.Values);
        var details = new List<string> { $"Selector from: {selector.Origin}." };
        if (keys.Count > 1) details.Add($"{keys.Count} key records at one name: verifiers may pick either (RFC 6376 section 3.6.2.2), so signatures fail at random when they differ.");
        var key = DkimKeyRecord.Parse(keys[0]);
        if (key.Error is not null) return Result(selector, CheckStatus.Problem, $"The DKIM key at {name} is invalid: {key.Error}.", keys, details);
        if (key.Revoked) return Result(selector, CheckStatus.Problem, $"The DKIM key at {name} is revoked (empty p=): mail still signed with s={selector.Selector} fails DKIM.", keys, details);
        if (key.KeyType == "rsa" && key.Bits < 1024)
            return Result(selector, CheckStatus.Problem, $"The DKIM key at {name} is RSA {key.Bits} bits: verifiers must not accept keys under 1024 bits (RFC 8301), so DKIM fails.", keys, details, Sources.DkimKeySizes);
        if (key.Testing) return Result(selector, CheckStatus.Warning, $"The DKIM key at {name} is in test mode (t=y): receivers may treat signed mail as unsigned.", keys, details);
        if (key.KeyType == "rsa" && key.Bits < 2048)
            return Result(selector, CheckStatus.Warning, $"The DKIM key at {name} is RSA {key.Bits} bits: accepted, but RFC 8301 asks signers for 2048.", keys, details, Sources.DkimKeySizes);
        var size = key.KeyType == "rsa" ? $"RSA {key.Bits} bits" : "Ed25519";
        return Result(selector, keys.Count > 1 ? CheckStatus.Warning : CheckStatus.Ok, $"A valid DKIM key is published at {name} ({size}).", keys, details);
    }

    private static CheckResult Result(DkimSelector s, CheckStatus status, string summary, IReadOnlyList<string> records, IReadOnlyList<string>? details = null, string source = Sources.Dkim) =>
        new(CheckKind.Dkim, s.QueryName, status, summary)
        {
            Query = s.QueryName + " TXT", Records = records, Details = details ?? [$"Selector from: {s.Origin}."], Source = source,
        };
}
