using DeliverabilityBot.Ingestion.Sending;

namespace DeliverabilityBot.Ingestion.Tests.Sending;

public class SendingConfigParserTests
{
    [Fact]
    public void Parse_SyslogNameSenderDomainAndIpLines_Resolved()
    {
        var map = new SendingMap();
        SendingConfigParser.Parse("dbot.config", """
            rule.ICL1001.severity = warning
            # our outbound instances
            sending.syslog-name.postfix-out2.ip = 203.0.113.7
            sending.syslog-name.postfix-out2.stream = marketing   # newsletters
            sending.sender-domain.orders.example.com.ip = 203.0.113.5
            sending.ip.203.0.113.5.stream = transactional
            """, map);
        Assert.Equal(("203.0.113.7", "marketing"), map.Resolve("postfix-out2", "icloud.com", "news.example.com", null));
        Assert.Equal(("203.0.113.5", "transactional"), map.Resolve(null, "icloud.com", "orders.example.com", null));
        Assert.Equal("transactional", map.StreamOf("203.0.113.5"));
    }

    [Fact]
    public void Parse_ExplicitSyslogNameMapping_BeatsPostfixConfiguration()
    {
        var map = new SendingMap();
        map.AddService(new("smtp", "postfix", new SendingRoute("10.0.0.7", null, null, "main.cf(1)"), "master.cf", 1));
        SendingConfigParser.Parse("dbot.config", "sending.syslog-name.postfix.ip = 203.0.113.7\n", map);
        Assert.Equal("203.0.113.7", map.Resolve("postfix", "gmail.com", null, null).Ip);
    }

    [Theory]
    [InlineData("sending.syslog-name.postfix-out2.ip = mx.example.com", 1, "not an IPv4 address")]
    [InlineData("sending.syslog-name.postfix-out2.ip6 = 203.0.113.7", 1, "not an IPv6 address")]
    [InlineData("sending.queue.x.ip = 203.0.113.7", 1, "is not 'sending.")]
    [InlineData("sending.ip.203.0.113.7.ip = 203.0.113.8", 1, "stream only")]
    public void Parse_BadLine_ErrorNamesFileLineAndWhy(string line, int number, string why)
    {
        var ex = Assert.Throws<MtaConfigException>(() => SendingConfigParser.Parse("dbot.config", line, new SendingMap()));
        Assert.Equal(("dbot.config", number), (ex.File, ex.Line));
        Assert.Contains(why, ex.Message);
    }
}
