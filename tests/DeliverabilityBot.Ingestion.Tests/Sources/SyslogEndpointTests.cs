using System.Net;
using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Ingestion.Tests.Sources;

public sealed class SyslogEndpointTests
{
    [Theory]
    [InlineData("udp://:5514", SyslogTransport.Udp, "127.0.0.1:5514")]
    [InlineData("udp://5514", SyslogTransport.Udp, "127.0.0.1:5514")]
    [InlineData("tcp://localhost:5514", SyslogTransport.Tcp, "127.0.0.1:5514")]
    [InlineData("tls://0.0.0.0:6514", SyslogTransport.Tls, "0.0.0.0:6514")]
    [InlineData("TCP://[::1]:6514", SyslogTransport.Tcp, "[::1]:6514")]
    public void Parse_WithScheme_OneEndpointLoopbackUnlessWritten(string text, SyslogTransport transport, string address)
    {
        var endpoint = Assert.Single(SyslogEndpoint.Parse(text));

        Assert.Equal((transport, IPEndPoint.Parse(address)), (endpoint.Transport, endpoint.Address));
    }

    [Fact]
    public void Parse_PortAlone_UdpAndTcpOnLoopback()
    {
        var endpoints = SyslogEndpoint.Parse("5514");

        Assert.Equal(["udp://127.0.0.1:5514", "tcp://127.0.0.1:5514"], endpoints.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:80")]
    [InlineData("udp://mail.example.com:514")]
    [InlineData("udp://127.0.0.1:70000")]
    [InlineData("udp://127.0.0.1:")]
    public void Parse_Malformed_Throws(string text) => Assert.Throws<FormatException>(() => SyslogEndpoint.Parse(text));
}
