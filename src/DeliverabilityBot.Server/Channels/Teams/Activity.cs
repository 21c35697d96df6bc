namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// The part of a Bot Framework activity the bot uses. Read with case-insensitive names (spec A2002);
/// every other field is ignored.
/// </summary>
public sealed class Activity
{
    /// <summary><c>message</c>, <c>conversationUpdate</c>, ...; other types are acknowledged and ignored.</summary>
    public string? Type { get; set; }

    /// <summary>The channel's id for this activity (the de-duplication key).</summary>
    public string? Id { get; set; }

    /// <summary>Where replies go.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary><c>msteams</c>, <c>emulator</c>, ...; must be endorsed by the signing key.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The bot as addressed by the channel.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>Message text, including mention markup.</summary>
    public string? Text { get; set; }

    /// <summary>Mentions and other entities.</summary>
    public List<ActivityEntity>? Entities { get; set; }

    /// <summary>Members added, on <c>conversationUpdate</c>.</summary>
    public List<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Teams' channel data; only the tenant is read.</summary>
    public TeamsChannelData? ChannelData { get; set; }

    /// <summary>The Entra tenant of the conversation: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The sender's locale.</summary>
    public string? Locale { get; set; }

    /// <summary>An Adaptive Card's <c>Action.Submit</c> data (a message activity with an empty text).</summary>
    public System.Text.Json.JsonElement? Value { get; set; }
}

/// <summary>A user or bot in a conversation.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel id of the account (<c>28:&lt;appId&gt;</c> for a bot in Teams).</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>The Entra object id of a Teams user.</summary>
    public string? AadObjectId { get; set; }
}

/// <summary>A conversation (personal chat, group chat, channel thread).</summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id; in a Teams channel it ends in <c>;messageid=</c> of the thread.</summary>
    public string? Id { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    /// <summary>The Entra tenant.</summary>
    public string? TenantId { get; set; }
}

/// <summary>An entity; only mentions are read.</summary>
public sealed class ActivityEntity
{
    /// <summary>Entity type, e.g. <c>mention</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>The mention markup in the text, e.g. <c>&lt;at&gt;Bot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }
}

/// <summary>Teams' <c>channelData</c>: the part the bot reads.</summary>
public sealed class TeamsChannelData
{
    /// <summary>The tenant the activity belongs to.</summary>
    public TeamsTenant? Tenant { get; set; }
}

/// <summary>A tenant reference (<c>{"id": "..."}</c>).</summary>
public sealed class TeamsTenant
{
    /// <summary>The Entra tenant id.</summary>
    public string? Id { get; set; }
}
