using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>Inbound Teams activities shaped like real captures (channel thread ids, mention entities).</summary>
public static class TeamsActivities
{
    public const string BotId = "28:" + BotFrameworkTestKeys.AppId;
    public const string ConversationId = "19:abc123@thread.tacv2;messageid=1759881511856";

    /// <summary>A channel message that @mentions the bot.</summary>
    public static JsonObject Mention(string id, string question, string serviceUrl = BotFrameworkTestKeys.ServiceUrl, string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-28T06:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ana", ["aadObjectId"] = "aad-user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "DeliverabilityBot" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = BotFrameworkTestKeys.TenantId },
        ["text"] = $"<at>DeliverabilityBot</at> {question}\r\n",
        ["textFormat"] = "plain",
        ["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "DeliverabilityBot" },
                ["text"] = "<at>DeliverabilityBot</at>",
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BotFrameworkTestKeys.TenantId } },
        ["locale"] = "en-US",
        ["someFutureField"] = new JsonObject { ["ignored"] = true },
    };

    /// <summary>The bot being added to a team.</summary>
    public static JsonObject BotAdded(string id) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = id,
        ["serviceUrl"] = BotFrameworkTestKeys.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["conversation"] = new JsonObject { ["id"] = "19:general@thread.tacv2", ["conversationType"] = "channel" },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["eventType"] = "teamMemberAdded", ["tenant"] = new JsonObject { ["id"] = BotFrameworkTestKeys.TenantId } },
    };

    /// <summary>Posts an activity with an optional bearer token.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }
}
