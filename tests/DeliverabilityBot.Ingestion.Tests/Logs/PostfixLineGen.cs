using CsCheck;

namespace DeliverabilityBot.Ingestion.Tests.Logs;

/// <summary>
/// Postfix-like log lines for the equivalence properties: the common shape most of the time, and every kind of
/// near miss around it (odd spacing, tabs, non-ASCII, broken brackets, other status words, missing fields), so
/// both the hand-written reader and its regex fallback are exercised. Queue ids come from a small set so
/// senders, deferrals and expiries of one message meet.
/// </summary>
internal static class PostfixLineGen
{
    private static Gen<string> Of(params string[] values) => Gen.OneOf(values.Select(Gen.Const).ToArray());

    private static readonly Gen<string> Timestamp = Gen.Frequency(
        (6, Gen.Select(Of("Jan", "Feb", "Mar", "Nov", "Dec", "Foo", "nov"), Gen.Int[0, 32], Gen.Int[0, 25], Gen.Int[0, 61],
            (m, d, h, s) => $"{m} {(d < 10 ? " " + d : d.ToString(System.Globalization.CultureInfo.InvariantCulture))} {h:00}:{s % 60:00}:{s:00}")),
        (3, Gen.Select(Gen.Int[1999, 2031], Gen.Int[0, 13], Gen.Int[0, 32], Of("T", " ", "x"), Of("", ".1", ".123456", ".12345678", "."),
            Of("", "Z", "+00:00", "+0530", " +0200", "-07:00", "+15:00", "+05:75", "+5:30", " +05:30"),
            (y, mo, d, sep, frac, zone) => $"{y}-{mo:00}-{d:00}{sep}05:00:01{frac}{zone}")),
        (1, Gen.String[Gen.Char["0123456789:-T .ADNov"], 0, 30]));

    private static readonly Gen<string> Program = Gen.Frequency(
        (8, Of("postfix/smtp", "postfix/qmgr", "postfix/lmtp")),
        (2, Of("postfix-out/smtp", "postfix/submission/smtpd", "postfix.x/a-b/c_d")),
        (1, Of("postfix", "xpostfix/smtp", "postfix//smtp", "postfix/smtp/", "postfix/sm\u00fctp", "postfix/ smtp")));

    private static readonly Gen<string> Space = Gen.Frequency((10, Gen.Const(" ")), (1, Of("", "  ", "\t", " \t", "\u00a0")));

    private static readonly Gen<string> QueueId = Gen.Frequency((10, Of("3F2A11C0042", "1A2B3C4D5E", "ABCDE")), (1, Of("AB1", "abc_12345", "XYZ\u00e912345")));

    private static readonly Gen<string> Address = Gen.Frequency(
        (8, Of("a@example.org", "B.User@iCloud.COM", "x+tag@mail.example.net")),
        (2, Of("", "no-at-sign", "a@b", "a@-b.com", "..a@b.com", "a b@c.com", "r\u00e9@example.org", "a@b..com", "a@b.com.", "<a@b.com")));

    private static readonly Gen<string> Relay = Gen.Frequency(
        (8, Of("mx01.mail.icloud.com[17.57.154.6]:25", "MX.Example.ORG[192.0.2.1]:25")),
        (2, Of("none", "", "mx.example.org", "mx.example.org[192.0.2.1", "[192.0.2.1]:25", "mx,[1.2.3.4]")));

    private static readonly Gen<string> Status = Gen.Frequency(
        (8, Of("sent", "deferred", "bounced")),
        (2, Of("expired", "undeliverable", "deliverable", "sentx", "SENT", "sent-ish", "")));

    private static readonly Gen<string> Dsn = Gen.Frequency((8, Of("2.0.0", "4.7.0", "5.1.1")), (2, Of("", "5.1234.1", "9.9.9", "5.1", "4.7.00001", "5..1")));

    private static readonly Gen<string> Reply = Gen.Frequency(
        (6, Of("550 5.1.1 <a@example.org>: user does not exist", "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred",
            "554 5.7.1 [CS01] Message rejected due to local policy", "250 2.0.0 Ok: queued as 4XyZ1")),
        (2, Of("550-5.7.1 multi  spaced\ttext", "421 Try again", "5.7.1 no code", "250 2.0.0 queued 250-2.0.0 again", "451 4.7.650 The mail server [192.0.2.9] has been rate limited")),
        (1, Gen.String[Gen.Char["0123456789.- abc()[]:;#\u00e9"], 0, 60]));

    private static readonly Gen<string> Detail = Gen.Frequency(
        (4, Gen.Select(Relay, Reply, Of("RCPT TO", "MAIL FROM", "end of DATA"), (h, r, c) => $"host {h.Split(':')[0]} said: {r} (in reply to {c} command)")),
        (2, Gen.Select(Relay, Reply, (h, r) => $"host {h.Split(':')[0]} refused to talk to me: {r}")),
        (2, Reply),
        (1, Gen.Select(Relay, h => $"connect to {h}: Connection refused")));

    private static readonly Gen<string> Body = Gen.Frequency(
        (6, Gen.Select(Address, Relay, Dsn, Status, Detail, Of(" ", "", "  ", " \t"), Of("(", "", "(("), Of(")", "", ") x", "))"),
            (to, relay, dsn, status, detail, gap, open, close) =>
                $"to=<{to}>, relay={relay}, delay=1.2, delays=0.1/0/0.5/0.6, dsn={dsn}, status={status}{gap}{open}{detail}{close}")),
        (2, Gen.Select(Address, Gen.Int[100, 99999], (from, size) => $"from=<{from}>, size={size}, nrcpt=1 (queue active)")),
        (1, Gen.Select(Address, Of(",", ", ", ",\t", " ,"), (from, sep) => $"from=<{from}>{sep}status=expired, returned to sender")),
        (1, Of("message-id=<x@y>", "to=<a@b.com> status=sent", "from=<unclosed", "status=sent (ok)")));

    private static readonly Gen<string> Line = Gen.Select(Timestamp, Program, Gen.Int[0, 99999], Space, QueueId, Space, Body,
        (ts, program, pid, space1, qid, space2, body) => $"{ts} mta1 {program}[{pid}]:{space1}{qid}:{space2}{body}");

    /// <summary>A line, now and then with one character inserted somewhere.</summary>
    public static readonly Gen<string> MaybeMutated = Gen.Frequency(
        (8, Line),
        (2, Gen.Select(Line, Gen.Int[0, 400], Gen.Char["()[]<>:,= \t\u00e9x5"], (line, at, c) => line.Insert(Math.Min(at, line.Length), c.ToString()))));

    /// <summary>A short log.</summary>
    public static readonly Gen<List<string>> Log = MaybeMutated.List[1, 12];
}
