using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Server.Chat;

/// <summary>
/// Applies <c>Chat:MaskRecipients</c> (<see cref="RecipientMasking"/>, default <c>OutsideDirectMessages</c>) to an answer
/// before any channel renders it.
/// </summary>
public sealed class AnswerPrivacy(RecipientMasking mode)
{
    /// <summary>The configuration key.</summary>
    public const string Key = "Chat:MaskRecipients";

    /// <summary>Reads the mode from configuration; an unknown value stops startup naming the key.</summary>
    public static AnswerPrivacy From(IConfiguration configuration) =>
        configuration[Key] is not { Length: > 0 } value ? new AnswerPrivacy(RecipientMasking.OutsideDirectMessages)
        : Enum.TryParse<RecipientMasking>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? new AnswerPrivacy(mode)
        : throw new Access.ServerStartupException($"{Key} is '{value}'; use OutsideDirectMessages, Always or Never.");

    /// <summary>The answer as this conversation may see it: masked unless direct (or as configured).</summary>
    public Answer Apply(Answer answer, bool directConversation) =>
        AnswerMasker.ShouldMask(mode, directConversation) ? AnswerMasker.Mask(answer) : answer;
}
