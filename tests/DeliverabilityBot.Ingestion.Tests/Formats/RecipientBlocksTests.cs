using DeliverabilityBot.Ingestion.Formats;

namespace DeliverabilityBot.Ingestion.Tests.Formats;

public class RecipientBlocksTests
{
    private static readonly HashSet<string> None = [];

    [Fact]
    public void Split_AddressAsDisplayNameOfABracketedOne_OneRecipient()
    {
        const string section = "  a@example.com <b@example.net>: malformed address: <b@example.net> may not follow a@example.com\n";

        var block = Assert.Single(RecipientBlocks.Split(section, None, null));

        Assert.Equal("a@example.com", block.Recipient);
    }

    [Fact]
    public void Split_TwoRecipientsOnOneLine_BothKept()
    {
        const string section = "a@example.com, b@example.net: 550 5.1.1 User unknown\n";

        Assert.Equal(["a@example.com", "b@example.net"], RecipientBlocks.Split(section, None, null).Select(b => b.Recipient));
    }

    [Fact]
    public void Split_BracketedRecipientsOnTheirOwnLines_EachABlock()
    {
        const string section = "<a@example.com>: host mx.example.com said: 550 unknown\n<b@example.net>: host mx.example.net said: 550 unknown\n";

        Assert.Equal(["a@example.com", "b@example.net"], RecipientBlocks.Split(section, None, null).Select(b => b.Recipient));
    }
}
