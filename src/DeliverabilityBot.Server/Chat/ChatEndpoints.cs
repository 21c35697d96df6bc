using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using DeliverabilityBot.Server.Access;

namespace DeliverabilityBot.Server.Chat;

/// <summary><c>POST /api/chat</c>: one turn of the local web chat (or any HTTP client).</summary>
public static class ChatEndpoints
{
    /// <summary>The largest request body accepted, in bytes (the longest text plus JSON overhead).</summary>
    public const long MaxBodyBytes = 512 * 1024;

    /// <summary>Maps the chat API.</summary>
    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", AnswerAsync)
            .WithName("Chat")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .DisableAntiforgery()
            .RequireRateLimiting(WebAccessExtensions.ChatRateLimit);
        return app;
    }

    private static async Task<Results<Ok<ChatResponse>, ValidationProblem>> AnswerAsync(
        ChatRequest? request, IChatBot bot, AnswerPrivacy privacy, PlainTextRenderer text, HtmlRenderer html, CancellationToken ct)
    {
        var errors = ChatRequestValidation.Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The chat request is not valid.");
        var conversationId = request!.ConversationId ?? Guid.NewGuid().ToString("N");
        var reply = await bot.AnswerAsync(new ChatTurn("web", conversationId, null, "web", request.Text!), ct);
        // One person's own chat; charts load from the chart endpoint (same sign-in as this one).
        var answer = Charts.ChartImageEndpoints.WithImageUrls(privacy.Apply(reply.Answer, directConversation: true));
        return TypedResults.Ok(new ChatResponse(conversationId, reply.Intent, reply.Entities, answer, text.Render(answer), html.Render(answer)));
    }
}
