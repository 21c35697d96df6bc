using System.Text.Json.Nodes;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>An activity the bot sends to the Connector (serialized camelCase, nulls omitted).</summary>
public sealed class OutboundActivity
{
    /// <summary><c>message</c> or <c>typing</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The bot (the inbound recipient).</summary>
    public ChannelAccount? From { get; init; }

    /// <summary>The person (the inbound sender).</summary>
    public ChannelAccount? Recipient { get; init; }

    /// <summary>The conversation replied in.</summary>
    public ConversationAccount? Conversation { get; init; }

    /// <summary>The activity answered.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Message text.</summary>
    public string? Text { get; init; }

    /// <summary>Always <c>markdown</c> for text messages (Teams' rendering without it is unconfirmed).</summary>
    public string? TextFormat { get; init; }

    /// <summary>The locale of the inbound activity.</summary>
    public string? Locale { get; init; }

    /// <summary>Card attachments.</summary>
    public IReadOnlyList<OutboundAttachment>? Attachments { get; init; }
}

/// <summary>An attachment with inline content.</summary>
/// <param name="ContentType">E.g. <c>application/vnd.microsoft.card.adaptive</c>.</param>
/// <param name="Content">The card.</param>
public sealed record OutboundAttachment(string ContentType, JsonObject Content);
