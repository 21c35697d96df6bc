namespace DeliverabilityBot.Application.Alerts;

/// <summary>How the alert detector judges a scope (configuration section <c>Alerts</c>). Defaults suit a few thousand messages an hour.</summary>
public sealed class AlertOptions
{
    /// <summary>The sliding window the diagnosis rules run over, ending at the newest evidence.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The scope's own history before the window: its signal rate there is the baseline.</summary>
    public TimeSpan Baseline { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Messages in the scope's window (attempts where the store has no message rows) below which nothing opens: ten messages never page anyone.</summary>
    public int MinMessages { get; set; } = 50;

    /// <summary>The signal rate must be at least this many times the baseline rate ...</summary>
    public double BaselineFactor { get; set; } = 2.0;

    /// <summary>... and this much above it (0.05: five percentage points).</summary>
    public double MinRise { get; set; } = 0.05;

    /// <summary>How long (data time) the rate must stay back at baseline before the incident resolves, so a dip does not close and reopen it.</summary>
    public TimeSpan ResolveAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the server and <c>dbot watch</c> evaluate when no ingest notifies them.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
