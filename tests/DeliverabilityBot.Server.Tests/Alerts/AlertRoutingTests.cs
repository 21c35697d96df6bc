using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Server.Alerts;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Tests.Alerts;

/// <summary>Where an incident goes and whether it may be posted now: routes, severity floor, quiet hours, mute.</summary>
public sealed class AlertRoutingTests
{
    private static readonly DateTimeOffset Night = new(2026, 11, 20, 23, 30, 0, TimeSpan.Zero);

    private static Incident Incident(string receiver = "icloud", string severity = "warning", DateTimeOffset? mutedUntil = null) => new()
    {
        Key = $"{receiver}|receiver:{receiver}|DIAG1002", Receiver = receiver, Scope = "receiver:" + receiver, DiagnosisId = "DIAG1002",
        Severity = severity, MutedUntil = mutedUntil,
    };

    private static AlertRouting Routing(AlertPostingOptions options, DateTimeOffset now) => new(Options.Create(options), new FixedClock(now));

    [Theory]
    [InlineData("22:00-07:00", 23, true)]
    [InlineData("22:00-07:00", 6, true)]
    [InlineData("22:00-07:00", 12, false)]
    [InlineData("01:00-05:00", 3, true)]
    [InlineData("01:00-05:00", 5, false)]
    public void InQuietHours_Spec_MatchesHour(string spec, int hour, bool expected) =>
        Assert.Equal(expected, AlertRouting.InQuietHours(spec, new DateTimeOffset(2026, 11, 20, hour, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void InQuietHours_Malformed_SaysWhatIsAccepted()
    {
        var ex = Assert.Throws<FormatException>(() => AlertRouting.InQuietHours("10pm-7am", Night));
        Assert.Contains("HH:mm-HH:mm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Held_WarningInQuietHours_HeldButErrorPosted()
    {
        var routing = Routing(new AlertPostingOptions { SlackChannel = "C1", QuietHours = "22:00-07:00" }, Night);

        Assert.Equal("quiet hours", routing.Held(Incident()));
        Assert.Null(routing.Held(Incident(severity: "error")));
    }

    [Fact]
    public void Held_MutedOrBelowSeverity_Held()
    {
        var routing = Routing(new AlertPostingOptions { SlackChannel = "C1", MinSeverity = "error" }, Night);

        Assert.Contains("below error", routing.Held(Incident()), StringComparison.Ordinal);
        Assert.StartsWith("muted until", routing.Held(Incident(severity: "error", mutedUntil: Night.AddHours(1))), StringComparison.Ordinal);
        Assert.Null(routing.Held(Incident(severity: "error", mutedUntil: Night.AddHours(-1))));
    }

    [Fact]
    public void Targets_ReceiverRoute_ReplacesTheDefaultChannels()
    {
        var options = new AlertPostingOptions { SlackChannel = "C0DEFAULT", TeamsChannel = "19:default@thread.tacv2" };
        options.Routes["icloud"] = new AlertRoute { SlackChannel = "C0ICLOUD" };
        var routing = Routing(options, Night);

        Assert.Equal([("slack", "C0ICLOUD")], routing.Targets(Incident()));
        Assert.Equal([("slack", "C0DEFAULT"), ("teams", "19:default@thread.tacv2")], routing.Targets(Incident("gmail")));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
