using DeliverabilityBot.Conversation.Intents;
using DeliverabilityBot.Conversation.Tests.Fakes;
using CsCheck;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Tests.Properties;

/// <summary>
/// Chat understanding under hostile input (never throws, every step finishes: the sample count bounds the work, no
/// clock is read) and its invariants: a receiver named in a sentence is found; case and surrounding punctuation do not
/// change what is understood.
/// </summary>
public class UnderstanderProperties
{
    // Sentence frames around a receiver's name; filler words are ordinary English the spelling corrector leaves alone.
    private static readonly string[] Frames =
    [
        "why is {0} deferring us", "{0} keeps rejecting our newsletter", "anything wrong with {0} today", "are we blocked at {0}",
        "what is going on with {0}", "our campaign to {0} bounced", "{0}", "tell me about {0} please", "is {0} throttling the sends",
    ];

    private static readonly string[] Punctuation = ["", "?", "!", ".", "...", "?!", ",", ":", ";", "\"", "'", "(", ")", " ", "¿", "!!!"];

    private static readonly Gen<Core.Vocabulary.ReceiverProfile> Receiver =
        Gen.OneOf<Core.Vocabulary.ReceiverProfile>(ShippedReceivers.Registry.All.Where(r => r.IsReceiver && r.Names.Count > 0).ToArray());

    [Fact]
    public void Understand_HostileText_NeverThrowsAndCleansTheText()
    {
        ChatTextGen.Hostile.Sample(text =>
        {
            var utterance = TestBot.Understander.Understand(text, ShippedReceivers.Lexicon);
            Assert.Contains(utterance.Intent, TestBot.Registry.Names);
            Assert.True(utterance.Text.Length <= Understander.MaxLength + 16, $"cleaned text of {utterance.Text.Length} characters");
        }, iter: FuzzBudget.Iterations(300), threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Understand_ReceiverNameInSentence_IsFound()
    {
        Gen.Select(Receiver, Gen.Int, Gen.OneOf<string>(Frames), Gen.OneOf<string>(Punctuation)).Sample((receiver, pick, frame, end) =>
        {
            var name = receiver.Names[(int)((uint)pick % receiver.Names.Count)];
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, name) + end;
            Assert.True(TestBot.Understander.Understand(text, ShippedReceivers.Lexicon).Entities.Receiver == receiver.Id, $"'{text}' should name {receiver.Id}");
        }, iter: FuzzBudget.Iterations(500), threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Understand_CaseAndSurroundingPunctuation_DoNotChangeTheMeaning()
    {
        // Questions in words: a pasted reply is evidence (its leading characters are the classifier's business) and channel
        // markup (<@U123>) is written by the client, not typed, so neither is re-cased here.
        var questions = Understanding.UtteranceCases.All.Select(row => (string)row[0])
            .Where(q => !q.Contains('\n') && !q.Contains('<') && TestBot.Understander.Understand(q, ShippedReceivers.Lexicon).Evidence is null)
            .ToArray();
        Gen.Select(Gen.OneOf<string>(questions), Gen.OneOf<string>(Punctuation), Gen.OneOf<string>(Punctuation), Gen.Int[0, 2]).Sample((question, before, after, casing) =>
        {
            var variant = before + Case(question, casing) + after;
            var expected = TestBot.Understander.Understand(question, ShippedReceivers.Lexicon);
            var actual = TestBot.Understander.Understand(variant, ShippedReceivers.Lexicon);
            Assert.True(
                expected.Intent == actual.Intent && expected.Entities.Receiver == actual.Entities.Receiver && expected.Entities.Range == actual.Entities.Range,
                $"'{question}' -> {expected.Intent}/{expected.Entities.Receiver}/{expected.Entities.Range} but '{variant}' -> {actual.Intent}/{actual.Entities.Receiver}/{actual.Entities.Range}");
        }, iter: FuzzBudget.Iterations(500), threads: FuzzBudget.Threads);
    }

    private static string Case(string text, int casing) => casing switch
    {
        0 => text.ToUpperInvariant(),
        1 => text.ToLowerInvariant(),
        _ => string.Concat(text.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
    };
}
