namespace DeliverabilityBot.Store;

/// <summary>The store cannot be opened or used: names the file and what went wrong.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message, Exception? inner = null) : base(message, inner) { }
}
