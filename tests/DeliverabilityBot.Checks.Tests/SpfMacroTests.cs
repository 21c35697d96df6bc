using System.Net;
using DeliverabilityBot.Checks.Spf;

namespace DeliverabilityBot.Checks.Tests;

/// <summary>The examples of RFC 7208 section 7.4.</summary>
public class SpfMacroTests
{
    private static readonly SpfMacro.Context V4 = new(IPAddress.Parse("192.0.2.3"), "strong-bad@email.example.com", "email.example.com", "email.example.com");

    [Theory]
    [InlineData("%{s}", "strong-bad@email.example.com")]
    [InlineData("%{o}", "email.example.com")]
    [InlineData("%{d}", "email.example.com")]
    [InlineData("%{d4}", "email.example.com")]
    [InlineData("%{d3}", "email.example.com")]
    [InlineData("%{d2}", "example.com")]
    [InlineData("%{d1}", "com")]
    [InlineData("%{dr}", "com.example.email")]
    [InlineData("%{d2r}", "example.email")]
    [InlineData("%{l}", "strong-bad")]
    [InlineData("%{l-}", "strong.bad")]
    [InlineData("%{lr}", "strong-bad")]
    [InlineData("%{lr-}", "bad.strong")]
    [InlineData("%{l1r-}", "strong")]
    [InlineData("%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com")]
    [InlineData("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com")]
    [InlineData("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com")]
    [InlineData("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com")]
    [InlineData("%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net")]
    public void Expand_Rfc7208Examples_MatchTheRfc(string spec, string expected)
    {
        Assert.Equal(expected, SpfMacro.Expand(spec, V4, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Expand_Ipv6_UsesNibblesAndIp6()
    {
        var v6 = V4 with { Ip = IPAddress.Parse("2001:db8::cb01") };
        Assert.Equal("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com", SpfMacro.Expand("%{ir}.%{v}._spf.%{d2}", v6, out _));
    }

    [Theory]
    [InlineData("%{x}.example.com")]
    [InlineData("%{d0}.example.com")]
    [InlineData("%{d")]
    [InlineData("example.com%")]
    [InlineData("%a.example.com")]
    public void Expand_MalformedMacro_IsAnError(string spec)
    {
        Assert.Null(SpfMacro.Expand(spec, V4, out var error));
        Assert.NotNull(error);
    }
}
