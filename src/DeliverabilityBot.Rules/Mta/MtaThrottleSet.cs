using System.Globalization;

namespace DeliverabilityBot.Rules.Mta;

/// <summary>The loaded MTA throttles, and what each MTA should change for a receiver's diagnosis.</summary>
public sealed class MtaThrottleSet(IReadOnlyList<MtaThrottle> throttles, IReadOnlyList<string> problems)
{
    /// <summary>Every entry loaded.</summary>
    public IReadOnlyList<MtaThrottle> Throttles { get; } = throttles;

    /// <summary>Files or entries left out, as <c>file(line): what</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>The entry for <paramref name="receiver"/> and <paramref name="diagnosisId"/>, or null.</summary>
    public MtaThrottle? For(string receiver, string diagnosisId) =>
        Throttles.FirstOrDefault(t => t.Receiver == receiver && t.Diagnoses.Contains(diagnosisId, StringComparer.Ordinal));

    /// <summary>One line per MTA (Postfix, KumoMTA, PowerMTA) in its own terms; empty when nothing is known.</summary>
    public IReadOnlyList<string> Changes(string receiver, string diagnosisId) => For(receiver, diagnosisId) is { } t ? Lines(t) : [];

    private static IReadOnlyList<string> Lines(MtaThrottle t)
    {
        var transport = "slow-" + t.Receiver;
        var domains = string.Join(", ", t.Domains);
        var lines = new List<string>();
        var postfix = new List<string>();
        if (t.Connections is { } c) postfix.Add($"{transport}_destination_concurrency_limit = {c}");
        if (t.InitialConnections is { } i) postfix.Add($"{transport}_initial_destination_concurrency = {i}");
        // A Postfix rate delay makes deliveries to a domain one at a time: use it only where no concurrency is given.
        var rateDelay = t.MessagesPerMinute is { } r && t.Connections is null ? Math.Max(1, 60 / r) : (int?)null;
        if (rateDelay is { } d) postfix.Add($"{transport}_destination_rate_delay = {d}s");
        if (postfix.Count > 0)
            lines.Add($"Postfix: route {domains} to a transport of their own (transport_maps: `{t.Domains[0]} {transport}:`, one line per domain; " +
                      $"master.cf: `{transport} unix - - n - - smtp`), then in main.cf {string.Join(", ", postfix.Select(x => "`" + x + "`"))}" +
                      (rateDelay is null ? "." : " (with a rate delay, one delivery at a time per domain)."));
        if (t.Pause is { } pause)
            lines.Add($"Postfix pause: `defer_transports = {transport}` in main.cf and `postfix reload` for {Length(pause)}; remove it and run `postqueue -f` to resume.");
        var kumo = new List<string>();
        if (t.Connections is { } kc) kumo.Add($"connection_limit = {kc}");
        if (t.MessagesPerConnection is { } mpc) kumo.Add($"max_deliveries_per_connection = {mpc}");
        if (t.ConnectionsPerMinute is { } cr) kumo.Add($"max_connection_rate = \"{cr}/min\"");
        if (t.MessagesPerMinute is { } kr) kumo.Add($"max_message_rate = \"{kr}/min\"");
        var scope = t.KumoMtaProvider is { } p ? $"provider \"{p}\"" : $"domains {domains}";
        if (kumo.Count > 0) lines.Add($"KumoMTA: in the shaping for {scope}, {string.Join(", ", kumo.Select(k => "`" + k + "`"))}.");
        if (t.Pause is { } kp) lines.Add($"KumoMTA pause: an automation rule for {scope} with `action = \"Suspend\"`, `duration = \"{Length(kp)}\"`.");
        var pmta = new List<string>();
        if (t.Connections is { } pc) pmta.Add($"max-smtp-out {pc}");
        if (t.MessagesPerMinute is { } pr) pmta.Add($"max-msg-rate {pr}/m");
        if (pmta.Count > 0) lines.Add($"PowerMTA: in `<domain {t.Domains[0]}>` (and each of {domains}), {string.Join(", ", pmta.Select(x => "`" + x + "`"))}.");
        if (t.Basis.Length > 0) lines.Add("Why these figures: " + t.Basis);
        return lines;
    }

    private static string Length(TimeSpan t) => t.TotalHours >= 1 && t.TotalMinutes % 60 == 0
        ? t.TotalHours.ToString(CultureInfo.InvariantCulture) + (t.TotalHours == 1 ? " hour" : " hours")
        : t.TotalMinutes.ToString(CultureInfo.InvariantCulture) + " minutes";
}
