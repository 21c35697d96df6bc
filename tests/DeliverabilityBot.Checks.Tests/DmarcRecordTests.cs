using DeliverabilityBot.Checks.Dmarc;
using DeliverabilityBot.Checks.Domain;

namespace DeliverabilityBot.Checks.Tests;

public class DmarcRecordTests
{
    [Theory]
    [InlineData("v=DMARC1; p=reject", true)]
    [InlineData("v = DMARC1 ; p=none", true)]
    [InlineData("p=reject; v=DMARC1", false)]
    [InlineData("v=DMARC2; p=reject", false)]
    public void IsDmarc_Text_RequiresVersionFirst(string text, bool expected) => Assert.Equal(expected, DmarcRecord.IsDmarc(text));

    [Fact]
    public void Parse_FullRecord_ReadsEveryTag()
    {
        var r = DmarcRecord.Parse("v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:d@example.com; adkim=s; aspf=r");
        Assert.Null(r.Error);
        Assert.Equal(("quarantine", "reject", 50, "mailto:d@example.com", "s", "r"), (r.Policy, r.SubdomainPolicy, r.Percent, r.AggregateReports, r.DkimAlignment, r.SpfAlignment));
    }

    [Theory]
    [InlineData("v=DMARC1; rua=mailto:d@example.com", "no p= tag")]
    [InlineData("v=DMARC1; p=block", "p=block is not a policy")]
    [InlineData("v=DMARC1; p=none; pct=150", "pct=150")]
    public void Parse_Invalid_NamesTheTag(string text, string error) => Assert.Contains(error, DmarcRecord.Parse(text).Error);

    [Theory]
    [InlineData("news.example.com", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("mail.example.co.uk", "example.co.uk")]
    [InlineData("a.b.example.com.au", "example.com.au")]
    [InlineData("mail.example.de", "example.de")]
    public void Organizational_Domain_DropsSubdomains(string domain, string expected) => Assert.Equal(expected, DomainNames.Organizational(domain));
}
