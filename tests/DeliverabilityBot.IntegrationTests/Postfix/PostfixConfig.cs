using System.Globalization;
using System.Text;

namespace DeliverabilityBot.IntegrationTests.Postfix;

/// <summary>
/// main.cf and master.cf of a throw-away Postfix instance: no DNS (each recipient domain is routed to a
/// fake receiver's MX name by <c>transport_maps</c>, keeping the sender's transport; the name is found in the
/// namespace's hosts file),
/// one smtp transport per sending stream with its own <c>smtp_bind_address</c>, DSNs delivered to a
/// maildir, its own log file (postlogd, no syslog), and queue lifetimes of seconds so deferrals expire
/// within the test.
/// </summary>
public sealed record PostfixConfig(
    string Root,
    IReadOnlyList<SendingStream> Streams,
    IReadOnlyDictionary<string, (string Host, int Port)> Routes,
    TimeSpan QueueLifetime,
    int MailUid,
    int MailGid)
{
    /// <summary>The instance's config directory (<c>postfix -c</c>).</summary>
    public string ConfigDirectory => Path.Combine(Root, "etc");

    /// <summary>The queue directory.</summary>
    public string QueueDirectory => Path.Combine(Root, "queue");

    /// <summary>The mail log Postfix writes (postlogd).</summary>
    public string MailLog => Path.Combine(Root, "maillog");

    /// <summary>The maildir the DSNs are delivered to.</summary>
    public string DsnMaildir => Path.Combine(Root, "mail", "dsn");

    /// <summary>Writes main.cf and master.cf and creates the folders Postfix does not create itself.</summary>
    public void Write()
    {
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        Directory.CreateDirectory(QueueDirectory);
        // The virtual delivery agent writes the DSN maildir as the mail owner.
        Directory.CreateDirectory(Path.Combine(Root, "mail"));
        Command.Run("chown", [$"{MailUid}:{MailGid}", Path.Combine(Root, "mail")]);
        File.WriteAllText(Path.Combine(ConfigDirectory, "main.cf"), MainCf());
        File.WriteAllText(Path.Combine(ConfigDirectory, "master.cf"), MasterCf());
    }

    private static string Seconds(TimeSpan t) => ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    private string MainCf()
    {
        var routes = string.Join(", ", Routes.Select(r => $"{r.Key}=:[{r.Value.Host}]:{r.Value.Port}"));
        var senders = string.Join(", ", Streams.Select(s => $"@{s.Domain}={s.Transport}"));
        var domains = string.Join(" ", Streams.Select(s => s.Domain));
        var backoff = TimeSpan.FromSeconds(Math.Max(1, QueueLifetime.TotalSeconds / 8));
        return $$"""
            # A throw-away instance for the real-MTA integration test (written by PostfixConfig).
            compatibility_level = 3.6
            queue_directory = {{QueueDirectory}}
            data_directory = {{Path.Combine(Root, "data")}}
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = mta.sender.example
            mydomain = sender.example
            myorigin = $myhostname
            mydestination =
            alias_maps =
            alias_database =
            local_recipient_maps =
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            smtpd_relay_restrictions = permit_mynetworks, reject
            maillog_file = {{MailLog}}
            maillog_file_prefixes = {{Root}}
            biff = no
            smtputf8_enable = no

            # No DNS inside the namespace: each recipient domain goes to its fake receiver's MX name (in the
            # namespace's hosts file, as smtp_dns_support_level=disabled looks names up). The empty transport
            # field keeps the transport chosen by the sender, so each stream leaves from its own IP.
            smtp_dns_support_level = disabled
            transport_maps = inline:{ {{routes}} }
            sender_dependent_default_transport_maps = inline:{ {{senders}} }

            # DSNs come back to bounces@<stream domain>, delivered into one maildir.
            virtual_mailbox_domains = {{domains}}
            virtual_mailbox_base = {{Path.Combine(Root, "mail")}}
            virtual_mailbox_maps = static:dsn/
            virtual_uid_maps = static:{{MailUid}}
            virtual_gid_maps = static:{{MailGid}}

            # Seconds instead of days, so deferrals end in expiry within the test.
            maximal_queue_lifetime = {{Seconds(QueueLifetime)}}
            bounce_queue_lifetime = {{Seconds(QueueLifetime)}}
            queue_run_delay = {{Seconds(backoff)}}
            minimal_backoff_time = {{Seconds(backoff)}}
            maximal_backoff_time = {{Seconds(backoff * 2)}}
            delay_warning_time = 0
            # Every attempt the log shows is a connection a fake receiver saw: no destination is marked dead
            # after a failed cohort ("delivery temporarily suspended" lines would be attempts nobody answered).
            default_destination_concurrency_failed_cohort_limit = 1000
            smtp_connect_timeout = 5s
            """ + "\n";
    }

    private string MasterCf()
    {
        var text = new StringBuilder("""
            # service type  private unpriv  chroot  wakeup  maxproc command + args
            smtp      inet  n       -       n       -       -       smtpd
            pickup    unix  n       -       n       60      1       pickup
            cleanup   unix  n       -       n       -       0       cleanup
            qmgr      unix  n       -       n       300     1       qmgr
            rewrite   unix  -       -       n       -       -       trivial-rewrite
            bounce    unix  -       -       n       -       0       bounce
            defer     unix  -       -       n       -       0       bounce
            trace     unix  -       -       n       -       0       bounce
            verify    unix  -       -       n       -       1       verify
            flush     unix  n       -       n       1000?   0       flush
            proxymap  unix  -       -       n       -       -       proxymap
            smtp      unix  -       -       n       -       -       smtp
            relay     unix  -       -       n       -       -       smtp
            showq     unix  n       -       n       -       -       showq
            error     unix  -       -       n       -       -       error
            retry     unix  -       -       n       -       -       error
            discard   unix  -       -       n       -       -       discard
            local     unix  -       n       n       -       -       local
            virtual   unix  -       n       n       -       -       virtual
            anvil     unix  -       -       n       -       1       anvil
            scache    unix  -       -       n       -       1       scache
            postlog   unix-dgram n  -       n       -       1       postlogd

            """ + "\n");
        foreach (var s in Streams)
            // Its own syslog name too, as multi-IP setups do to tell their transports apart in the log.
            text.Append(CultureInfo.InvariantCulture, $"{s.Transport,-9} unix  -       -       n       -       -       smtp\n  -o smtp_bind_address={s.SendingIp}\n  -o syslog_name=postfix-{s.Transport}\n");
        return text.ToString();
    }
}
