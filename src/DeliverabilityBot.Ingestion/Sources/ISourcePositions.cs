namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>Where live sources resume: the positions persisted after each committed batch.</summary>
public interface ISourcePositions
{
    /// <summary>The last position saved under <paramref name="key"/>, or null when none was.</summary>
    string? Get(string key);
}
