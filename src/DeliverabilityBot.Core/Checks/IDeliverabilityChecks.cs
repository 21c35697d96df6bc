namespace DeliverabilityBot.Core.Checks;

/// <summary>
/// DNS checks of our own sending setup: SPF, DKIM, DMARC, reverse DNS, MX and DNS blocklists. Implementations never
/// throw for DNS trouble and never hang: what could not be looked up is a <see cref="CheckStatus.Unknown"/> result,
/// and a run that cannot start (disabled, no resolver) is a report with <see cref="CheckReport.CannotCheck"/>.
/// </summary>
public interface IDeliverabilityChecks
{
    /// <summary>False when checks are switched off (no DNS lookups are made at all).</summary>
    bool Enabled { get; }

    /// <summary>The sending IPs and domains configured as ours (<c>Checks:SendingIps</c>, <c>Checks:SendingDomains</c>), empty when none.</summary>
    CheckRequest Configured { get; }

    /// <summary>Runs the checks asked for.</summary>
    Task<CheckReport> RunAsync(CheckRequest request, CancellationToken cancellationToken = default);
}
