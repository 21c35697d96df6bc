namespace DeliverabilityBot.Server.Channels;

/// <summary>
/// A chat channel is half configured (for example an app id without its password). Thrown at startup so
/// the server refuses to run with a channel that would fail on the first message.
/// </summary>
public sealed class ChannelConfigurationException(string message) : InvalidOperationException(message);
