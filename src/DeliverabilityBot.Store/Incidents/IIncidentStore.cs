using DeliverabilityBot.Core.Alerts;

namespace DeliverabilityBot.Store.Incidents;

/// <summary>
/// Incidents and where they were posted. The detector and the channel posters talk to this interface only, so another
/// database (PostgreSQL) can stand behind it. Every call is its own transaction; safe from several threads.
/// </summary>
public interface IIncidentStore
{
    /// <summary>Open incidents, oldest first.</summary>
    IReadOnlyList<Incident> Open();

    /// <summary>Incidents newest first (open and resolved, or open only), at most <paramref name="limit"/>; <paramref name="receiver"/> null for all.</summary>
    IReadOnlyList<Incident> List(string? receiver, bool includeResolved, int limit);

    /// <summary>The incident with this id, or null.</summary>
    Incident? Find(long id);

    /// <summary>Inserts (Id 0) or replaces the incident; returns it with its id.</summary>
    /// <exception cref="StoreException">A second open incident for the same key, or the database failed.</exception>
    Incident Save(Incident incident);

    /// <summary>The incident's posts, one per channel target.</summary>
    IReadOnlyList<IncidentPost> Posts(long incidentId);

    /// <summary>Inserts or replaces the post for its incident, channel and target.</summary>
    void SavePost(IncidentPost post);
}
