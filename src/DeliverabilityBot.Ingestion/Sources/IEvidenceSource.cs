namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>
/// Where evidence comes from (files, a followed log, syslog, journald): a stream of parsed events in chunks, each
/// chunk with the position to resume from once its events are stored. Every source feeds the same classification and
/// store path (<c>IngestPipeline</c>); a source only reads and parses.
/// </summary>
public interface IEvidenceSource
{
    /// <summary>What this source is, for messages and as the origin of committed batches (<c>ingest</c>, <c>follow</c>, <c>syslog</c>, <c>journald</c>).</summary>
    string Origin { get; }

    /// <summary>
    /// The chunks, as they are read. A live source never ends on its own: it ends when <paramref name="cancellationToken"/>
    /// is cancelled. A problem with part of the input is a chunk with <see cref="SourceChunk.Problem"/> set; the source goes on.
    /// </summary>
    IAsyncEnumerable<SourceChunk> ReadAsync(CancellationToken cancellationToken);
}
