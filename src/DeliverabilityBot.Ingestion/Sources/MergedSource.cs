using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>
/// Several live sources read at once into one stream (<c>dbot ingest --follow a.log b.log</c>, the server's watcher):
/// each source runs on its own and hands its chunks over a small bounded queue, so a busy one waits for the store rather
/// than filling memory. A source that fails ends the merge with its exception (the others are stopped).
/// </summary>
public sealed class MergedSource : IEvidenceSource
{
    private readonly IReadOnlyList<IEvidenceSource> _sources;

    /// <summary>Merges <paramref name="sources"/>.</summary>
    public MergedSource(IReadOnlyList<IEvidenceSource> sources, string origin)
    {
        _sources = sources;
        Origin = origin;
    }

    /// <inheritdoc />
    public string Origin { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_sources.Count == 1)
        {
            await foreach (var chunk in _sources[0].ReadAsync(cancellationToken).ConfigureAwait(false)) yield return chunk;
            yield break;
        }
        var queue = Channel.CreateBounded<SourceChunk>(new BoundedChannelOptions(2 * _sources.Count) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = _sources.Select(s => Task.Run(async () =>
        {
            await foreach (var chunk in s.ReadAsync(stop.Token).ConfigureAwait(false))
                await queue.Writer.WriteAsync(chunk, stop.Token).ConfigureAwait(false);
        }, stop.Token)).ToArray();
        _ = Task.WhenAll(readers).ContinueWith(t => queue.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        try
        {
            await foreach (var chunk in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false)) yield return chunk;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(readers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
