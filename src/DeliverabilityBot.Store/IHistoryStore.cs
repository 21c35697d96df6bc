using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Writing;

namespace DeliverabilityBot.Store;

/// <summary>
/// The history of attempts and messages, whatever holds it: the embedded SQLite file (<see cref="DeliverabilityStore"/>)
/// or a PostgreSQL database shared by several instances. Thread-safe: every reader or writer gets its own connection.
/// </summary>
public interface IHistoryStore
{
    /// <summary>The options the store was opened with.</summary>
    StoreOptions Options { get; }

    /// <summary>Where the history lives, for messages: the database file, or the server and database (never a password).</summary>
    string Location { get; }

    /// <summary>
    /// Where live sources (followed logs, journald) resume; null where the store keeps none yet (PostgreSQL): a follower then
    /// reads its logs from their start after a restart, and the events' identity stores nothing twice.
    /// </summary>
    ISourcePositionStore? Positions => null;

    /// <summary>
    /// The ESP webhook spool (events acknowledged and not yet stored, and the keys of those taken); null where the store
    /// keeps none.
    /// </summary>
    Webhooks.IWebhookSpool? WebhookSpool => null;

    /// <summary>Aggregates, examples and counts over windows.</summary>
    IHistoryReader Reader { get; }

    /// <summary>Incidents raised by the alert detector, and where they were posted.</summary>
    Incidents.IIncidentStore Incidents { get; }

    /// <summary>
    /// A writer on its own connection; dispose it when done. Writers into one store take turns, across processes:
    /// this waits while another writes, and <paramref name="waiting"/> hears once if it must.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for the turn.</exception>
    IHistoryWriter CreateWriter(Action<string>? waiting = null, CancellationToken cancellationToken = default);
}
