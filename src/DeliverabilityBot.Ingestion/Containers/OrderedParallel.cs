using System.Runtime.ExceptionServices;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// Maps a sequence on several threads and yields the results in input order, holding at most <c>window</c> results
/// ahead of the consumer: a slow consumer (or a slow first file) stalls the workers instead of filling memory.
/// The first exception from the source or the map ends the run and is rethrown to the consumer; abandoning the
/// enumeration stops the workers.
/// </summary>
internal sealed class OrderedParallel<TIn, TOut>
{
    private readonly object _gate = new(); // a monitor: workers and the consumer wait on it
    private readonly IEnumerator<TIn> _source;
    private readonly Func<TIn, TOut> _map;
    private readonly TOut[] _slots;
    private readonly bool[] _filled;
    private long _taken;
    private long _emitted;
    private bool _sourceDone;
    private bool _stopped;
    private int _running;
    private ExceptionDispatchInfo? _failure;

    private OrderedParallel(IEnumerator<TIn> source, Func<TIn, TOut> map, int window)
    {
        _source = source;
        _map = map;
        _slots = new TOut[window];
        _filled = new bool[window];
    }

    /// <summary>The results of <paramref name="map"/> over <paramref name="source"/>, in order, computed by <paramref name="workers"/> threads.</summary>
    public static IEnumerable<TOut> Map(IEnumerable<TIn> source, Func<TIn, TOut> map, int workers, int window)
    {
        using var enumerator = source.GetEnumerator();
        var run = new OrderedParallel<TIn, TOut>(enumerator, map, Math.Max(window, workers));
        var threads = new Thread[workers];
        run._running = workers;
        for (var i = 0; i < workers; i++)
        {
            threads[i] = new Thread(run.Work) { IsBackground = true, Name = "dbot reader " + (i + 1) };
            threads[i].Start();
        }
        try
        {
            while (run.TryNext(out var result)) yield return result;
        }
        finally
        {
            run.Stop();
            foreach (var t in threads) t.Join();
        }
    }

    private void Work()
    {
        try
        {
            while (TryTake(out var item, out var sequence))
            {
                TOut result;
                try { result = _map(item); }
                catch (Exception ex) { Fail(ex); return; }
                lock (_gate)
                {
                    var slot = (int)(sequence % _slots.Length);
                    _slots[slot] = result;
                    _filled[slot] = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _running--;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private bool TryTake(out TIn item, out long sequence)
    {
        item = default!;
        sequence = 0;
        lock (_gate)
        {
            while (!_stopped && !_sourceDone && _taken - _emitted >= _slots.Length) Monitor.Wait(_gate);
            if (_stopped || _sourceDone) return false;
            try
            {
                if (!_source.MoveNext())
                {
                    _sourceDone = true;
                    Monitor.PulseAll(_gate);
                    return false;
                }
                item = _source.Current;
            }
            catch (Exception ex)
            {
                _failure ??= ExceptionDispatchInfo.Capture(ex);
                _stopped = true;
                Monitor.PulseAll(_gate);
                return false;
            }
            sequence = _taken++;
            return true;
        }
    }

    private bool TryNext(out TOut result)
    {
        result = default!;
        lock (_gate)
        {
            var slot = (int)(_emitted % _slots.Length);
            while (!_filled[slot] && _failure is null && !(_emitted == _taken && (_sourceDone || _running == 0))) Monitor.Wait(_gate);
            _failure?.Throw();
            if (!_filled[slot]) return false;
            result = _slots[slot];
            _slots[slot] = default!;
            _filled[slot] = false;
            _emitted++;
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    private void Fail(Exception ex)
    {
        lock (_gate)
        {
            _failure ??= ExceptionDispatchInfo.Capture(ex);
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }
}
