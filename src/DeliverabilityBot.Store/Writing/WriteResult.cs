namespace DeliverabilityBot.Store.Writing;

/// <summary>What one batch did: events offered, newly stored, and already present (skipped).</summary>
public readonly record struct WriteResult(int Offered, int Stored)
{
    /// <summary>Events that were already in the store.</summary>
    public int Duplicates => Offered - Stored;

    /// <summary>Adds two results.</summary>
    public static WriteResult operator +(WriteResult a, WriteResult b) => new(a.Offered + b.Offered, a.Stored + b.Stored);
}
