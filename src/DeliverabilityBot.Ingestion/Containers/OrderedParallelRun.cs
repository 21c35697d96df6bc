using System.Runtime.ExceptionServices;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>
/// One run of <see cref="OrderedParallel.Map"/>: dedicated worker threads take items from the source in turn, map them
/// and put each result in its slot of a ring of <c>window</c> slots; the consumer takes the slots in order. Dedicated
/// threads rather than thread-pool tasks: pool workers spin for a while whenever they run out of work, CPU a 2-core
/// machine needs for the mapping. Everything shared is guarded by one lock; waiting is <see cref="Monitor.Wait(object)"/>.
/// Wake-ups come in batches (a futex wake and a context switch per item were ~4% of reading small files): a waiting
/// consumer is woken once a run of results is ready from its next one (or nothing more is coming), waiting workers once
/// the window is half empty.
/// </summary>
internal sealed class OrderedParallelRun<TIn, TOut> : IDisposable
{
    private readonly object _gate = new();
    private readonly IEnumerator<TIn> _items;
    private readonly Func<TIn, TOut> _map;
    private readonly TOut[] _results;
    private readonly bool[] _ready;
    private readonly Thread[] _threads;
    private long _taken;
    private long _consumed;
    private bool _sourceEnded;
    private bool _stopping;
    private long _failedAt = long.MaxValue;
    private ExceptionDispatchInfo? _failure;
    private readonly int _wakeRun;
    private bool _consumerWaiting;
    private int _workersWaiting;

    /// <summary>Starts <paramref name="workers"/> threads mapping <paramref name="source"/>.</summary>
    public OrderedParallelRun(IEnumerable<TIn> source, Func<TIn, TOut> map, int workers, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _items = source.GetEnumerator();
        _map = map;
        _results = new TOut[window];
        _ready = new bool[window];
        _wakeRun = Math.Clamp(window / 4, 1, 16);
        _threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "dbot reader" };
            _threads[i].Start();
        }
    }

    /// <summary>
    /// The next result in input order; false once every item was yielded. Rethrows the map's (or the source's)
    /// exception when its item is next.
    /// </summary>
    public bool TryTakeNext(out TOut result)
    {
        lock (_gate)
        {
            var slot = (int)(_consumed % _results.Length);
            while (!_ready[slot])
            {
                if (_consumed == _failedAt) _failure!.Throw();
                if (_sourceEnded && _consumed == _taken)
                {
                    result = default!;
                    return false;
                }
                _consumerWaiting = true;
                try { Monitor.Wait(_gate); }
                finally { _consumerWaiting = false; }
            }
            result = _results[slot];
            _results[slot] = default!;
            _ready[slot] = false;
            _consumed++;
            if (_workersWaiting > 0 && _taken - _consumed <= _results.Length / 2) Monitor.PulseAll(_gate);
            return true;
        }
    }

    /// <summary>Stops the workers (the items in flight are finished first) and releases the source.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var thread in _threads) thread.Join();
        _items.Dispose();
    }

    private void Work()
    {
        while (TryTakeItem(out var item, out var index))
        {
            TOut result;
            try
            {
                result = _map(item);
            }
            catch (Exception ex)
            {
                Fail(index, ex);
                continue;
            }
            lock (_gate)
            {
                var slot = (int)(index % _results.Length);
                _results[slot] = result;
                _ready[slot] = true;
                if (_consumerWaiting && _ready[(int)(_consumed % _results.Length)] && ConsumerShouldWake()) Monitor.PulseAll(_gate);
            }
        }
    }

    private bool TryTakeItem(out TIn item, out long index)
    {
        lock (_gate)
        {
            while (!_stopping && !_sourceEnded && _taken < _failedAt && _taken >= _consumed + _results.Length)
            {
                _workersWaiting++;
                try { Monitor.Wait(_gate); }
                finally { _workersWaiting--; }
            }
            item = default!;
            index = _taken;
            if (_stopping || _sourceEnded || _taken >= _failedAt) return false;
            try
            {
                if (!_items.MoveNext())
                {
                    _sourceEnded = true;
                    Monitor.PulseAll(_gate);
                    return false;
                }
                item = _items.Current;
            }
            catch (Exception ex)
            {
                FailLocked(index, ex);
                return false;
            }
            _taken++;
            return true;
        }
    }

    private void Fail(long index, Exception ex)
    {
        lock (_gate) FailLocked(index, ex);
    }

    // Only the earliest failure counts: the consumer gets every result before it, then the exception.
    private void FailLocked(long index, Exception ex)
    {
        if (index < _failedAt)
        {
            _failedAt = index;
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        Monitor.PulseAll(_gate);
    }

    // The consumer's next result is ready: wake it once a run of them is, or when no more may come soon (the source
    // ended, a failure stopped the taking, a stop was asked, or every item taken so far is ready).
    private bool ConsumerShouldWake()
    {
        if (_sourceEnded || _stopping || _failedAt != long.MaxValue) return true;
        var run = 0;
        for (var i = _consumed; i < _taken && run < _wakeRun; i++, run++)
            if (!_ready[(int)(i % _results.Length)]) return false;
        return true;
    }
}
