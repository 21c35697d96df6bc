using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Ingestion.Sources.Journald;
using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>Builds the live sources the CLI and the server run through <see cref="IngestPipeline"/>.</summary>
public static class LiveSources
{
    /// <summary>
    /// The logs at <paramref name="paths"/> followed at once, each resuming where the store says it stopped, parsed with
    /// the deployment's sending map; <paramref name="notice"/> hears rotations, truncations and resumptions.
    /// </summary>
    /// <exception cref="Ingestion.Sending.MtaConfigException">The sending configuration is missing or malformed.</exception>
    public static IEvidenceSource Follow(DeliverabilityBotRuntime runtime, IReadOnlyList<string> paths, FollowOptions? options = null, Action<string>? notice = null) =>
        new MergedSource([.. Followed(runtime, paths, options, notice)], "follow");

    /// <summary>Each log at <paramref name="paths"/> as its own followed source (see <see cref="Follow"/>).</summary>
    public static IEnumerable<IEvidenceSource> Followed(DeliverabilityBotRuntime runtime, IReadOnlyList<string> paths, FollowOptions? options = null, Action<string>? notice = null)
    {
        var positions = new StoredSourcePositions(runtime.Store);
        var parser = new MtaLogParser(sending: runtime.Sending);
        return paths.Select(p => new FollowedLogSource(p, options, parser, positions, notice));
    }

    /// <summary>A syslog listener parsing with the deployment's sending map.</summary>
    /// <exception cref="FormatException">A listen address is not one.</exception>
    public static SyslogSource Syslog(DeliverabilityBotRuntime runtime, SyslogOptions options, Action<string>? notice = null) =>
        new(options, new MtaLogParser(sending: runtime.Sending), notice);

    /// <summary>The journal read through journalctl, resuming after the cursor the store saved.</summary>
    public static JournaldSource Journald(DeliverabilityBotRuntime runtime, JournaldOptions options, Action<string>? notice = null) =>
        new(options, new MtaLogParser(sending: runtime.Sending), new StoredSourcePositions(runtime.Store), notice);
}
