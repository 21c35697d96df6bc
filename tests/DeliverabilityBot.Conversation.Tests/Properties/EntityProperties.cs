using DeliverabilityBot.Conversation.Tests.Fakes;
using CsCheck;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Tests.Properties;

/// <summary>Entity extraction and spelling correction: never throw; what is embedded is found; correction is stable.</summary>
public class EntityProperties
{
    private static readonly Gen<string> Word = Gen.Char['a', 'z'].Array[1, 10].Select(chars => new string(chars));

    [Fact]
    public void Extract_HostileText_NeverThrows()
    {
        Gen.Select(ChatTextGen.Hostile, ChatTextGen.Mixed.Null()).Sample((prose, evidence) =>
        {
            var entities = EntityExtractor.Extract(prose, evidence, ShippedReceivers.Lexicon);
            Assert.True(entities.Receiver is null || ShippedReceivers.Lexicon.Find(entities.Receiver) is not null, $"unknown receiver {entities.Receiver}");
        }, iter: FuzzBudget.Iterations(300), threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Extract_AddressInSentence_IsTheRecipientInLowerCase()
    {
        Gen.Select(Word, Gen.OneOf("icloud.com", "Gmail.com", "example.ORG", "mail.example.co.uk"), Gen.OneOf("why did", "mail to", "", "bounce from")).Sample((local, domain, before) =>
        {
            var address = $"{local}@{domain}";
            var entities = EntityExtractor.Extract($"{before} {address} fail?", null, ShippedReceivers.Lexicon);
            Assert.Equal(address.ToLowerInvariant(), entities.Recipient);
            Assert.Equal(domain.ToLowerInvariant(), entities.Domain);
        }, iter: FuzzBudget.Iterations(300), threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Extract_IpInSentence_IsFound()
    {
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte).Sample((a, b, c, d) =>
        {
            var ip = $"{a}.{b}.{c}.{d}";
            Assert.Equal(ip, EntityExtractor.Extract($"why is {ip} blocked?", null, ShippedReceivers.Lexicon).Ip);
        }, iter: FuzzBudget.Iterations(300), threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Correct_AnyText_IsIdempotentAndNeverThrows()
    {
        ChatTextGen.Hostile.Sample(text =>
        {
            var once = SpellingCorrector.Correct(text, ShippedReceivers.Lexicon);
            Assert.Equal(once, SpellingCorrector.Correct(once, ShippedReceivers.Lexicon));
        }, iter: FuzzBudget.Iterations(300), threads: FuzzBudget.Threads);
    }
}
