using DeliverabilityBot.Ingestion.Sending;

namespace DeliverabilityBot.Ingestion.Tests.Sending;

public class PostfixConfigReaderTests
{
    private const string Master = """
        # service type  private unpriv  chroot  wakeup  maxproc command + args
        smtp      inet  n       -       y       -       -       smtpd
        pickup    unix  n       -       y       60      1       pickup
        smtp      unix  -       -       y       -       -       smtp
        relay     unix  -       -       y       -       -       smtp
                -o syslog_name=postfix/$service_name
        icloud    unix  -       -       y       -       -       smtp
          -o syslog_name=postfix-icloud
          -o smtp_bind_address=$icloud_ip
          -o { smtp_helo_name = out2.example.com }
        """;

    // Two transports logging under the one default syslog name, with different source addresses.
    private const string SharedSyslogName = """
        smtp      unix  -       -       y       -       -       smtp
        icloud    unix  -       -       y       -       -       smtp
          -o smtp_bind_address=203.0.113.8
        """;

    private static (SendingMap Map, List<string> Warnings) Read(string main, string? master = Master, params (string, string)[] more)
    {
        var files = new List<(string, string)> { ("main.cf", main) };
        if (master is not null) files.Add(("master.cf", master));
        files.AddRange(more);
        using var dir = new TempConfigDir([.. files]);
        var map = new SendingMap();
        var warnings = new List<string>();
        PostfixConfigReader.Read(dir.Path, map, warnings);
        return (map, warnings);
    }

    [Fact]
    public void Read_PerTransportBindAddress_SyslogNameMapsToIt()
    {
        var (map, _) = Read("icloud_ip = 203.0.113.8\nsmtp_bind_address = 203.0.113.7\n");
        Assert.Equal("203.0.113.8", map.Resolve("postfix-icloud", "icloud.com", null, "17.57.155.25").Ip);
        Assert.Equal("203.0.113.7", map.Resolve("postfix", "gmail.com", null, "142.250.102.27").Ip);
        Assert.Equal("203.0.113.7", map.Resolve("postfix/relay", "example.org", null, null).Ip);
        Assert.Null(map.Resolve("postfix-other", "gmail.com", null, null).Ip);
    }

    [Fact]
    public void Read_BindAddress6_UsedForIpv6Peers()
    {
        var (map, _) = Read("smtp_bind_address = 203.0.113.7\nsmtp_bind_address6 = 2001:db8::7\n", master: null);
        Assert.Equal("2001:db8::7", map.Resolve("postfix", "gmail.com", null, "2607:f8b0:4004:c1b::1b").Ip);
        Assert.Equal("203.0.113.7", map.Resolve("postfix", "gmail.com", null, "142.250.102.27").Ip);
    }

    [Fact]
    public void Read_MultiInstance_SingleInetInterfaceIsTheBindAddress()
    {
        var (map, _) = Read("multi_instance_name = postfix-out2\ninet_interfaces = 203.0.113.9\n", master: null);
        Assert.Equal("203.0.113.9", map.Resolve("postfix-out2", "gmail.com", null, null).Ip);
        // "no more than one IPv4 address" (postconf(5)): with two, Postfix lets the system choose, and so do we.
        var (two, _) = Read("inet_interfaces = 203.0.113.9, 127.0.0.1\n", master: null);
        Assert.Null(two.Resolve("postfix", "gmail.com", null, null).Ip);
    }

    [Fact]
    public void Read_MultiInstanceDirectories_EachInstanceRead()
    {
        using var root = new TempConfigDir(
            ("postfix/main.cf", "multi_instance_directories = /etc/postfix-out1 /etc/postfix-out2\nsmtp_bind_address = 127.0.0.1\n"),
            ("postfix-out1/main.cf", "multi_instance_name = postfix-out1\nsmtp_bind_address = 203.0.113.5\n"),
            ("postfix-out2/main.cf", "multi_instance_name = postfix-out2\nsmtp_bind_address = 203.0.113.6\n"));
        var map = new SendingMap();
        PostfixConfigReader.Read(Path.Combine(root.Path, "postfix"), map, new List<string>());
        Assert.Equal(["203.0.113.5", "203.0.113.6"], new[] { "postfix-out1", "postfix-out2" }.Select(n => map.Resolve(n, "gmail.com", null, null).Ip));
    }

    [Fact]
    public void Read_TransportsSharingASyslogName_TransportMapsDecide()
    {
        var (map, warnings) = Read("smtp_bind_address = 203.0.113.7\ntransport_maps = hash:/etc/postfix/transport\n", SharedSyslogName,
            ("transport", "# per receiver\nicloud.com icloud:\n.icloud.com   icloud:\nme.com icloud:[mx.me.com]\n"));
        Assert.Equal("203.0.113.8", map.Resolve("postfix", "icloud.com", null, null).Ip);
        Assert.Equal("203.0.113.8", map.Resolve("postfix", "mail.icloud.com", null, null).Ip);
        Assert.Equal("203.0.113.8", map.Resolve("postfix", "me.com", null, null).Ip);
        Assert.Equal("203.0.113.7", map.Resolve("postfix", "gmail.com", null, null).Ip);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_TransportsSharingASyslogNameWithoutTransportMaps_NoGuessAndAWarning()
    {
        using var dir = new TempConfigDir(("main.cf", "smtp_bind_address = 203.0.113.7\n"), ("master.cf", SharedSyslogName));
        var warnings = new List<string>();
        var map = SendingMapLoader.Load([dir.Path], null, warnings)!;
        Assert.Null(map.Resolve("postfix", "icloud.com", null, null).Ip);
        Assert.Contains(warnings, w => w.Contains("'smtp'") && w.Contains("'icloud'") && w.Contains("syslog_name"));
    }

    [Fact]
    public void Read_BindAddressNotAnIp_ErrorNamesMasterCfLine()
    {
        const string master = "smtp unix - - y - - smtp\nout2 unix - - y - - smtp\n  -o smtp_bind_address=out2.example.com\n";
        var ex = Assert.Throws<MtaConfigException>(() => Read("", master));
        Assert.EndsWith("master.cf", ex.File);
        Assert.Equal(2, ex.Line);
        Assert.Contains("'out2.example.com'", ex.Message);
    }

    [Fact]
    public void Read_MasterCfLineWithTooFewFields_ErrorNamesLine()
    {
        var ex = Assert.Throws<MtaConfigException>(() => Read("", "smtp unix - - y - - smtp\n\nbroken unix - -\n"));
        Assert.Equal(3, ex.Line);
        Assert.Contains("8 fields", ex.Message);
    }

    [Fact]
    public void Read_FolderWithoutMainCf_ClearError()
    {
        using var dir = new TempConfigDir();
        var ex = Assert.Throws<MtaConfigException>(() => PostfixConfigReader.Read(dir.Path, new SendingMap(), new List<string>()));
        Assert.Contains("no main.cf", ex.Message);
    }
}
