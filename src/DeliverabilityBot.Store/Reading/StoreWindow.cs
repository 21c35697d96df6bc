namespace DeliverabilityBot.Store.Reading;

/// <summary>
/// A window in unix seconds, split into whole UTC hours (read from the hourly rollups) and the ragged
/// edges (read from the events themselves), so any window is exact and aligned ones are cheap.
/// </summary>
internal readonly record struct StoreWindow(long From, long To)
{
    public static StoreWindow Of(DateTimeOffset from, DateTimeOffset to) => new(from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds());

    /// <summary>First whole hour (hour number) inside the window.</summary>
    public long FirstHour => (From + 3599) / 3600;

    /// <summary>Hour number just past the last whole hour inside the window.</summary>
    public long EndHour => To / 3600;

    /// <summary>True when the window covers at least one whole hour.</summary>
    public bool HasWholeHours => EndHour > FirstHour;

    /// <summary>The ragged edges as [from, to) ranges of seconds (the whole window when no hour fits).</summary>
    public IEnumerable<(long From, long To)> Edges()
    {
        if (!HasWholeHours)
        {
            if (To > From) yield return (From, To);
            yield break;
        }
        if (FirstHour * 3600 > From) yield return (From, FirstHour * 3600);
        if (To > EndHour * 3600) yield return (EndHour * 3600, To);
    }
}
