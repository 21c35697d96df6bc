using System.Globalization;
using DeliverabilityBot.Core.Alerts;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>Which channel targets an incident goes to, and whether it may be posted now (severity, quiet hours, mute).</summary>
public sealed class AlertRouting(IOptions<AlertPostingOptions> options, TimeProvider clock)
{
    /// <summary>The targets as <c>(channel, target)</c>: <c>("slack", "C123")</c>, <c>("teams", "19:...@thread.tacv2")</c>.</summary>
    public IReadOnlyList<(string Channel, string Target)> Targets(Incident incident)
    {
        var o = options.Value;
        var route = o.Routes.GetValueOrDefault(incident.Receiver);
        var slack = route?.SlackChannel ?? (route?.TeamsChannel is null ? o.SlackChannel : null);
        var teams = route?.TeamsChannel ?? (route?.SlackChannel is null ? o.TeamsChannel : null);
        var targets = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(slack)) targets.Add(("slack", slack));
        if (!string.IsNullOrWhiteSpace(teams)) targets.Add(("teams", teams));
        return targets;
    }

    /// <summary>Null when the incident may be posted now, else why not.</summary>
    public string? Held(Incident incident)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var least = o.Routes.GetValueOrDefault(incident.Receiver)?.MinSeverity ?? o.MinSeverity;
        if (Rank(incident.Severity) < Rank(least)) return $"severity {incident.Severity} is below {least}";
        if (incident.MutedUntil is { } until && until > now) return "muted until " + until.ToString("u", CultureInfo.InvariantCulture);
        if (InQuietHours(o.QuietHours, now) && Rank(incident.Severity) < Rank(o.QuietHoursSeverity)) return "quiet hours";
        return null;
    }

    /// <summary>True when <paramref name="now"/> falls in <c>HH:mm-HH:mm</c> (UTC; may wrap midnight).</summary>
    public static bool InQuietHours(string? spec, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(spec)) return false;
        var parts = spec.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            throw new FormatException($"Alerts:QuietHours '{spec}' is not HH:mm-HH:mm (UTC), e.g. 22:00-07:00.");
        var t = TimeOnly.FromDateTime(now.UtcDateTime);
        return from <= to ? t >= from && t < to : t >= from || t < to;
    }

    private static int Rank(string severity) => severity.ToLowerInvariant() switch { "error" => 3, "warning" => 2, _ => 1 };
}
