using System.Net;
using DeliverabilityBot.Checks.Blocklists;
using DeliverabilityBot.Checks.Dkim;
using DeliverabilityBot.Checks.Dmarc;
using DeliverabilityBot.Checks.Dns;
using DeliverabilityBot.Checks.Domain;
using DeliverabilityBot.Checks.Spf;
using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Checks;

/// <summary>
/// Runs the DNS checks of a <see cref="CheckRequest"/> in parallel over one <see cref="IDnsResolver"/>, within
/// <see cref="ChecksOptions.RunTimeout"/>: a lookup still open then is reported as not answered, so a run never hangs,
/// and a run in which no lookup was answered says "cannot check" with the reason.
/// </summary>
public sealed class DnsChecks : IDeliverabilityChecks
{
    private readonly IDnsResolver _dns;
    private readonly ChecksOptions _options;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<DnsBlocklist> _ipLists;
    private readonly IReadOnlyList<DnsBlocklist> _domainLists;

    /// <summary>Creates the checks over <paramref name="dns"/>.</summary>
    public DnsChecks(IDnsResolver dns, ChecksOptions options, TimeProvider clock)
    {
        options.Validate();
        (_dns, _options, _clock) = (dns, options, clock);
        _ipLists = options.IpBlocklists.Count == 0
            ? KnownBlocklists.Defaults.Where(l => l.Target == BlocklistTarget.Ip).ToList()
            : options.IpBlocklists.Select(z => KnownBlocklists.ForZone(DomainNames.Normalize(z), BlocklistTarget.Ip)).ToList();
        _domainLists = options.DomainBlocklists.Count == 0
            ? KnownBlocklists.Defaults.Where(l => l.Target == BlocklistTarget.Domain).ToList()
            : options.DomainBlocklists.Select(z => KnownBlocklists.ForZone(DomainNames.Normalize(z), BlocklistTarget.Domain)).ToList();
        Configured = new CheckRequest
        {
            Ips = options.SendingIps.Select(i => IPAddress.Parse(i).ToString()).Distinct().ToList(),
            Domains = options.SendingDomains.Select(DomainNames.Normalize).Distinct().ToList(),
            DkimSelectors = options.DkimSelectors.Select(ChecksOptions.ParseSelector).Where(s => s is { Domain: not null })
                .Select(s => new DkimSelector(s!.Value.Domain!, s.Value.Selector, "configured (Checks:DkimSelectors)")).ToList(),
        };
    }

    /// <inheritdoc />
    public bool Enabled => _options.Enabled;

    /// <inheritdoc />
    public CheckRequest Configured { get; }

    /// <summary>The blocklists checked for IPs.</summary>
    public IReadOnlyList<DnsBlocklist> IpBlocklists => _ipLists;

    /// <summary>The blocklists checked for domains.</summary>
    public IReadOnlyList<DnsBlocklist> DomainBlocklists => _domainLists;

    /// <inheritdoc />
    public async Task<CheckReport> RunAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _clock.GetUtcNow();
        if (!_options.Enabled) return CheckReport.Unavailable(request, "DNS checks are switched off (Checks:Enabled is false)", now);
        if (_dns.Unavailable is { } why) return CheckReport.Unavailable(request, why, now);
        var ips = request.Ips.Select(i => IpText.TryParse(i, out var a) ? a : null).OfType<IPAddress>().Distinct().Take(_options.MaxIps).ToList();
        var domains = request.Domains.Select(DomainNames.Normalize).Where(DomainNames.IsValid).Distinct().Take(_options.MaxDomains).ToList();
        // Selectors configured without a domain apply to every domain checked that has no selector of its own.
        var everyDomain = _options.DkimSelectors.Select(ChecksOptions.ParseSelector).Where(s => s is { Domain: null }).Select(s => s!.Value.Selector).ToList();
        var selectors = request.DkimSelectors
            .Concat(domains.Where(d => request.DkimSelectors.All(s => s.Domain != d)).SelectMany(d => everyDomain.Select(s => new DkimSelector(d, s, "configured (Checks:DkimSelectors)"))))
            .Where(s => DomainNames.IsValid(s.Domain) && ChecksOptions.IsSelector(s.Selector)).DistinctBy(s => s.QueryName).Take(_options.MaxDomains * 2).ToList();
        if (ips.Count == 0 && domains.Count == 0 && selectors.Count == 0)
            return CheckReport.Unavailable(request, "no sending IP or domain is known to check: name one (\"check 203.0.113.7\", \"check example.com\") or set Checks:SendingIps and Checks:SendingDomains", now);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RunTimeout);
        var ct = deadline.Token;
        var dns = new AnswerCountingResolver(_dns);
        var blocklists = new BlocklistCheck(dns);
        var jobs = new List<(CheckKind Kind, string Subject, Task<CheckResult> Task)>();
        void Add(CheckKind kind, string subject, Func<Task<CheckResult>> run) => jobs.Add((kind, subject, Task.Run(run, CancellationToken.None)));
        if (request.Wants(CheckKind.Spf))
            foreach (var d in domains) Add(CheckKind.Spf, d, () => new SpfCheck(dns).RunAsync(d, ips, ct));
        if (request.Wants(CheckKind.Dkim))
        {
            foreach (var s in selectors) Add(CheckKind.Dkim, s.QueryName, () => new DkimCheck(dns).RunAsync(s, ct));
            foreach (var d in domains.Where(d => selectors.All(s => s.Domain != d)))
                jobs.Add((CheckKind.Dkim, d, Task.FromResult(new CheckResult(CheckKind.Dkim, d, CheckStatus.Unknown,
                    $"No DKIM selector is known for {d}: a key can only be looked up by its selector (the s= of a DKIM-Signature). Name it (\"check dkim selector s1 for {d}\"), paste a DKIM-Signature header, or set Checks:DkimSelectors.")
                    { Source = Sources.Dkim })));
        }
        if (request.Wants(CheckKind.Dmarc))
            foreach (var d in domains) Add(CheckKind.Dmarc, d, () => new DmarcCheck(dns).RunAsync(d, ct));
        if (request.Wants(CheckKind.ReverseDns))
            foreach (var ip in ips) Add(CheckKind.ReverseDns, ip.ToString(), () => new ReverseDnsCheck(dns).RunAsync(ip, domains, ct));
        if (request.Wants(CheckKind.Mx))
            foreach (var d in domains) Add(CheckKind.Mx, d, () => new MxCheck(dns).RunAsync(d, ct));
        if (request.Wants(CheckKind.Blocklist))
        {
            foreach (var ip in ips)
                foreach (var list in _ipLists.Where(l => l.QueryName(ip.ToString()) is not null && Wanted(request, l)))
                    Add(CheckKind.Blocklist, $"{ip} on {list.Name}", () => blocklists.RunAsync(list, ip.ToString(), ct));
            foreach (var d in domains)
                foreach (var list in _domainLists.Where(l => Wanted(request, l)))
                    Add(CheckKind.Blocklist, $"{d} on {list.Name}", () => blocklists.RunAsync(list, d, ct));
        }

        var results = new List<CheckResult>(jobs.Count);
        foreach (var (kind, subject, task) in jobs)
        {
            try
            {
                results.Add(await task);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                results.Add(new CheckResult(kind, subject, CheckStatus.Unknown,
                    $"Not answered within the {_options.RunTimeout.TotalSeconds:0.#} s a checks run may take (Checks:RunTimeout)."));
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var ordered = results.OrderBy(r => r.Kind).ToList();
        // Nothing answered at all: DNS is unreachable (an off-line host), which is one answer, not N unknowns.
        var cannot = dns.Answered == 0 && (dns.Failed > 0 || ordered.Any(r => r.Status == CheckStatus.Unknown && r.Kind != CheckKind.Dkim))
            ? $"DNS did not answer ({_dns.Describe}, {_options.TimeoutText} s per lookup): this host may be off-line or its resolver unreachable"
            : null;
        return new CheckReport { Request = request, Results = ordered, CannotCheck = cannot, CheckedAt = now };
    }

    private static bool Wanted(CheckRequest request, DnsBlocklist list) =>
        request.Blocklists.Count == 0 || request.Blocklists.Any(f => list.Zone.Contains(f, StringComparison.OrdinalIgnoreCase) || list.Name.Contains(f, StringComparison.OrdinalIgnoreCase));
}
