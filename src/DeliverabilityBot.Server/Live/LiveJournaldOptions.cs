using DeliverabilityBot.Ingestion.Sources.Journald;

namespace DeliverabilityBot.Server.Live;

/// <summary>The journal source's settings (<c>Live:Journald</c>).</summary>
public sealed class LiveJournaldOptions
{
    /// <summary>Read the journal.</summary>
    public bool Enabled { get; set; }

    /// <summary>Units to read (<c>postfix@-.service</c>, <c>exim4.service</c>).</summary>
    public List<string> Units { get; set; } = [];

    /// <summary>Syslog identifiers to read (<c>postfix/smtp</c>).</summary>
    public List<string> Identifiers { get; set; } = [];

    /// <summary>The journalctl program.</summary>
    public string Command { get; set; } = "journalctl";

    /// <summary>The source's options.</summary>
    public JournaldOptions ToOptions() => new() { Units = [.. Units], Identifiers = [.. Identifiers], Command = Command };
}
