namespace DeliverabilityBot.Server.Access;

/// <summary>
/// The server refuses to start with this configuration; the message says why and what to set, in one line.
/// Program prints it without a stack trace.
/// </summary>
public sealed class ServerStartupException(string message) : InvalidOperationException(message);
