using System.Net;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>A Bot Connector or token endpoint call failed after retries.</summary>
public sealed class BotConnectorException(string message, HttpStatusCode? status = null) : Exception(message)
{
    /// <summary>The HTTP status, when there was a response.</summary>
    public HttpStatusCode? Status { get; } = status;
}
