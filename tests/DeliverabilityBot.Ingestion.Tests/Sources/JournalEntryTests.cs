using DeliverabilityBot.Ingestion.Sources.Journald;

namespace DeliverabilityBot.Ingestion.Tests.Sources;

public sealed class JournalEntryTests
{
    [Fact]
    public void Parse_JournalctlJson_ReadsCursorMessageIdentifierPidHostTime()
    {
        const string json = """{"__CURSOR":"s=6c1f;i=1a2;b=9e;m=3f;t=5f;x=77","__REALTIME_TIMESTAMP":"1763622001000000","_HOSTNAME":"mta1","SYSLOG_IDENTIFIER":"postfix/smtp","_PID":"3046","SYSLOG_PID":"3046","MESSAGE":"11111A1EEF: removed","PRIORITY":"6"}""";

        var e = JournalEntry.Parse(json)!;

        Assert.Equal(("s=6c1f;i=1a2;b=9e;m=3f;t=5f;x=77", "11111A1EEF: removed", "postfix/smtp", "3046", "mta1"), (e.Cursor, e.Message, e.Identifier, e.Pid, e.Host));
        Assert.Equal(new DateTimeOffset(2025, 11, 20, 7, 0, 1, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public void Parse_MessageAsByteArray_DecodedAsUtf8()
    {
        var e = JournalEntry.Parse("""{"__CURSOR":"c","MESSAGE":[104,195,169,1]}""")!;

        Assert.Equal("h\u00e9\u0001", e.Message);
        Assert.Equal(("", "", "-", (DateTimeOffset?)null), (e.Identifier, e.Pid, e.Host, e.Timestamp));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"MESSAGE":"no cursor"}""")]
    [InlineData("[1,2]")]
    public void Parse_NotAnEntry_Null(string json) => Assert.Null(JournalEntry.Parse(json));
}
