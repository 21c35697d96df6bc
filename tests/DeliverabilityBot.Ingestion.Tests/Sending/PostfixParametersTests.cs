using DeliverabilityBot.Ingestion.Sending;

namespace DeliverabilityBot.Ingestion.Tests.Sending;

public class PostfixParametersTests
{
    [Fact]
    public void Parse_ContinuationLinesAndComments_OneLogicalLine()
    {
        var p = PostfixParameters.Parse("main.cf", "# outbound\nmynetworks = 127.0.0.0/8\n    # a comment inside\n    10.0.0.0/8\nsmtp_bind_address = 203.0.113.7 \n");
        Assert.Equal("127.0.0.0/8 10.0.0.0/8", p.Get("mynetworks"));
        Assert.Equal("203.0.113.7", p.Get("smtp_bind_address"));
        Assert.Equal(5, p.LineOf("smtp_bind_address"));
    }

    [Fact]
    public void Get_DollarForms_ExpandedAsPostfixDoes()
    {
        var p = PostfixParameters.Parse("main.cf", "out_ip = 203.0.113.7\na = $out_ip\nb = ${out_ip}\nc = $(out_ip)\nd = ${out_ip?set}\ne = ${missing:unset}\nf = ${missing?{yes}:{no}}\ng = $$out_ip\n");
        Assert.Equal(["203.0.113.7", "203.0.113.7", "203.0.113.7", "set", "unset", "no", "$out_ip"], new[] { "a", "b", "c", "d", "e", "f", "g" }.Select(n => p.Get(n)));
    }

    [Fact]
    public void Get_SyslogNameDefault_MultiInstanceNameElsePostfix()
    {
        Assert.Equal("postfix", PostfixParameters.Parse("main.cf", "").Get("syslog_name"));
        Assert.Equal("postfix-out2", PostfixParameters.Parse("main.cf", "multi_instance_name = postfix-out2\n").Get("syslog_name"));
    }

    [Fact]
    public void Get_OverrideFromMasterCf_TakesPrecedenceAndExpands()
    {
        var p = PostfixParameters.Parse("main.cf", "ip2 = 203.0.113.8\nsmtp_bind_address = 203.0.113.7\n");
        Assert.Equal("203.0.113.8", p.Get("smtp_bind_address", new Dictionary<string, string> { ["smtp_bind_address"] = "$ip2" }));
    }

    [Fact]
    public void Parse_LineWithoutEquals_ErrorNamesFileAndLine()
    {
        var ex = Assert.Throws<MtaConfigException>(() => PostfixParameters.Parse("/etc/postfix/main.cf", "myhostname = mx.example.com\nsmtp_bind_address 203.0.113.7\n"));
        Assert.StartsWith("/etc/postfix/main.cf(2): ", ex.Message);
        Assert.Contains("is not 'name = value'", ex.Message);
    }

    [Fact]
    public void Get_ExpansionLoop_ErrorNamesFileAndLine()
    {
        var p = PostfixParameters.Parse("main.cf", "a = $b\nb = $a\n");
        var ex = Assert.Throws<MtaConfigException>(() => p.Get("a"));
        Assert.StartsWith("main.cf(", ex.Message);
    }
}
