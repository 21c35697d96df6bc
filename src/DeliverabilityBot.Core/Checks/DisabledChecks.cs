namespace DeliverabilityBot.Core.Checks;

/// <summary>Checks that are switched off: every run answers "cannot check" with the reason, and no lookup is made.</summary>
/// <param name="reason">Why nothing is checked, said to the person asking.</param>
public sealed class DisabledChecks(string reason) : IDeliverabilityChecks
{
    /// <summary>The checks of a host that registered none.</summary>
    public static DisabledChecks NotConfigured { get; } = new("DNS checks are not set up in this host");

    /// <inheritdoc />
    public bool Enabled => false;

    /// <inheritdoc />
    public CheckRequest Configured { get; } = new();

    /// <summary>Why nothing is checked.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public Task<CheckReport> RunAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(CheckReport.Unavailable(request, Reason, DateTimeOffset.UtcNow));
}
