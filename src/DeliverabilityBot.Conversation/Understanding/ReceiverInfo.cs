namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>How people name one receiver (a <see cref="Core.Vocabulary.Receivers"/> id) in chat.</summary>
/// <param name="Id">The receiver id, e.g. <c>icloud</c>.</param>
/// <param name="DisplayName">How answers name it, e.g. <c>iCloud</c>.</param>
/// <param name="Domains">Its mail domains; the first is the recipient hint used when explaining a pasted reply.</param>
/// <param name="Names">Words and phrases people use, lower case (domains are recognised separately).</param>
/// <param name="FuzzyNames">The subset of <paramref name="Names"/> safe to match with a typo (long, not an English word).</param>
public sealed record ReceiverInfo(
    string Id,
    string DisplayName,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> FuzzyNames);
