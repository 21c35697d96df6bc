using System.Text.RegularExpressions;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Server.Chat;

/// <summary>Checks a <see cref="ChatRequest"/>; each problem names the field and what is wrong.</summary>
public static partial class ChatRequestValidation
{
    /// <summary>The longest conversation id accepted.</summary>
    public const int MaxConversationIdLength = 128;

    /// <summary>Field name to problems; empty when the request is valid.</summary>
    public static Dictionary<string, string[]> Validate(ChatRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON object {\"conversationId\": \"...\", \"text\": \"...\"} is required."];
            return errors;
        }
        if (string.IsNullOrWhiteSpace(request.Text))
            errors["text"] = ["Required: the question or the pasted bounce."];
        else if (request.Text.Length > Understander.MaxLength)
            errors["text"] = [$"At most {Understander.MaxLength} characters (got {request.Text.Length})."];
        if (request.ConversationId is { } id && (id.Length > MaxConversationIdLength || !IdShape().IsMatch(id)))
            errors["conversationId"] = [$"1 to {MaxConversationIdLength} characters of letters, digits, '.', '_', ':' or '-'."];
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]+$")]
    private static partial Regex IdShape();
}
