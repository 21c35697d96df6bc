using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Sources;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>Builds the live sources the CLI and the server run through <see cref="IngestPipeline"/>.</summary>
public static class LiveSources
{
    /// <summary>
    /// The logs at <paramref name="paths"/> followed at once, each resuming where the store says it stopped, parsed with
    /// the deployment's sending map; <paramref name="notice"/> hears rotations, truncations and resumptions.
    /// </summary>
    /// <exception cref="Ingestion.Sending.MtaConfigException">The sending configuration is missing or malformed.</exception>
    public static IEvidenceSource Follow(DeliverabilityBotRuntime runtime, IReadOnlyList<string> paths, FollowOptions? options = null, Action<string>? notice = null)
    {
        var positions = new StoredSourcePositions(runtime.Store);
        var parser = new MtaLogParser(sending: runtime.Sending);
        return new MergedSource([.. paths.Select(p => new FollowedLogSource(p, options, parser, positions, notice))], "follow");
    }
}
