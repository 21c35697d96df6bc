using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Ingestion.Tests.Sources;

public sealed class ProgramLineTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 7, 5, 1, TimeSpan.Zero);

    private static List<BounceEvent> Read(string line)
    {
        var events = new List<BounceEvent>();
        new MtaLogParser().Start("syslog:mx1", 2026).Read(line, events);
        return events;
    }

    [Fact]
    public void Build_PostfixProgram_ReadByThePostfixReader()
    {
        var line = ProgramLine.Build(At, "mx1", "postfix/smtp", "3046",
            "1AE41801BE: to=<user7045@me.com>, relay=mx02.mail.icloud.com[17.57.155.25]:25, delay=1.4, dsn=4.7.0, status=deferred (host mx02.mail.icloud.com[17.57.155.25] said: 421 4.7.0 Deferred (in reply to MAIL FROM command))");

        var e = Assert.Single(Read(line));
        Assert.Equal(("user7045@me.com", DeliveryAction.Delayed, At), (e.Recipient, e.Action, e.Timestamp));
    }

    [Fact]
    public void Build_PostfixWithoutPid_StillAPostfixLine()
    {
        var line = ProgramLine.Build(At, "mx1", "postfix-out/smtp", "", "1AE41801BE: to=<a@gmail.com>, relay=x[1.2.3.4]:25, dsn=2.0.0, status=sent (250 ok)");

        Assert.Equal(DeliveryAction.Delivered, Assert.Single(Read(line)).Action);
    }

    [Fact]
    public void Build_EximWithoutItsTimestamp_TimeAdded()
    {
        var line = ProgramLine.Build(At, "mx1", "exim", "42",
            "1uABCD-000123-AB ** user@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.1.27]: SMTP error from remote mail server after RCPT TO:<user@gmail.com>: 550 5.1.1 The email account that you tried to reach does not exist.");

        var e = Assert.Single(Read(line));
        Assert.Equal(("user@gmail.com", DeliveryAction.Failed, At), (e.Recipient, e.Action, e.Timestamp));
    }

    [Fact]
    public void Build_EximWithItsTimestamp_Unchanged()
    {
        const string text = "2026-11-20 07:05:00 1uABCD-000123-AB => user@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [142.250.1.27] C=\"250 2.0.0 OK\"";

        Assert.Equal(text, ProgramLine.Build(At, "mx1", "exim4", "", text));
    }

    [Fact]
    public void Build_OtherProgram_NoEvent()
    {
        Assert.Empty(Read(ProgramLine.Build(At, "mx1", "sshd", "1", "Accepted publickey for root")));
    }
}
