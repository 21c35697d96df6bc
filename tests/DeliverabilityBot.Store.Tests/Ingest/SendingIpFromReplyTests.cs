using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>
/// Replies as receivers wrote them (domain/facts.md sections 4.1-4.3 and the RBL replies; Sisimai's corpus for Gmail's
/// bracketed form and Yahoo's TSS04), read through the reply parser as the ingest reads them.
/// </summary>
public class SendingIpFromReplyTests
{
    [Theory]
    // Gmail: the connecting client and a session figure, padded with spaces.
    [InlineData("421-4.7.28 [203.0.113.25      12] Our system has detected an unusual rate of unsolicited mail originating from your IP address. - gsmtp", "203.0.113.25")]
    [InlineData("550-5.7.1 [192.0.2.22      18] Our system has detected that this message is likely unsolicited mail.", "192.0.2.22")]
    [InlineData("550-5.7.1 [2001:db8::25      13] Messages with multiple addresses in From: header are not accepted.", "2001:db8::25")]
    // Microsoft.
    [InlineData("550 5.7.1 Unfortunately, messages from [198.51.100.4] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", "198.51.100.4")]
    [InlineData("550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal from this list please visit https://sender.office.com/", "198.51.100.222")]
    [InlineData("451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation. (S775)", "192.0.2.5")]
    [InlineData("451 4.7.500 Server busy. Please try again later from [192.0.2.9]. (AS761)", "192.0.2.9")]
    // Yahoo.
    [InlineData("421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1", "192.0.2.192")]
    [InlineData("553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed.", "192.0.2.25")]
    [InlineData("553 5.7.1 [BL21] Connections will not be accepted from 198.51.100.8, because the ip is in Spamhaus's list", "198.51.100.8")]
    // Lookup links.
    [InlineData("550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.7", "203.0.113.7")]
    [InlineData("554 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.225", "192.0.2.225")]
    [InlineData("554 5.7.1 Service unavailable; Client host [11.22.33.44] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/11.22.33.44", "11.22.33.44")]
    [InlineData("554 Refused. You are in the SPAMMER List - Listed on The Spamhaus Project. See http://www.spamhaus.org/query/bl?ip=11.22.33.45", "11.22.33.45")]
    [InlineData("554 Connection refused. 11.22.33.46 is listed on the Exploits Block List (XBL)", "11.22.33.46")]
    [InlineData("550 5.7.1 Service unavailable; client [192.0.2.77] blocked using bl.spamcop.net", "192.0.2.77")]
    [InlineData("550 5.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP 192.0.2.78.", "192.0.2.78")]
    public void Find_ReplyNamingTheConnectingClient_ThatIp(string reply, string expected) =>
        Assert.Equal(expected, SendingIpFromReply.Find(SmtpReply.Parse(reply).Text));

    [Theory]
    [InlineData("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in virtual mailbox table")]
    [InlineData("421 4.7.0 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137")]
    [InlineData("host mx4.example.org[192.0.2.22] said: 550 5.7.1 Message rejected")]
    [InlineData("451 4.3.0 Temporary failure at mx01.example.com [192.0.2.40], try later")]
    [InlineData("550 see http://postmaster.1and1.com/en/error-messages?ip=%1s")]
    [InlineData("554 5.7.1 Version 999.999.999.999 is listed")]
    public void Find_ReplyWithoutOurIp_Null(string reply) => Assert.Null(SendingIpFromReply.Find(reply));

    [Fact]
    public void Find_IpIsTheAnsweringHostsOwn_Null() =>
        Assert.Null(SendingIpFromReply.Find("554 5.7.1 Service unavailable; Client host [192.0.2.40] blocked", remoteIp: "192.0.2.40"));
}
