using DeliverabilityBot.Server.Access;
using Microsoft.Extensions.Configuration;

namespace DeliverabilityBot.Server.Tests.Access;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("https://127.0.0.2:443/", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://10.1.2.3:5080", false)]
    [InlineData("http://bot.example.com:80", false)]
    [InlineData("http://[::1", false)]
    public void IsLoopback_Url_OnlyLoopbackNamesAndAddresses(string url, bool expected) =>
        Assert.Equal(expected, ListenAddresses.IsLoopback(url));

    [Fact]
    public void Read_KestrelEndpointsOverrideUrls()
    {
        var configuration = Config(new() { ["urls"] = "http://127.0.0.1:5080", ["Kestrel:Endpoints:Public:Url"] = "http://0.0.0.0:8080" });

        Assert.Equal(["http://0.0.0.0:8080"], ListenAddresses.Read(configuration));
    }

    [Fact]
    public void Read_HttpPortsWithoutUrls_AllInterfaces()
    {
        var urls = ListenAddresses.Read(Config(new() { ["http_ports"] = "8080" }));

        Assert.Equal("http://*:8080", ListenAddresses.FirstExposed(urls));
    }

    [Fact]
    public void Read_NothingConfigured_KestrelDefaultIsLoopback() =>
        Assert.Null(ListenAddresses.FirstExposed(ListenAddresses.Read(Config(new()))));

    internal static IConfiguration Config(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
