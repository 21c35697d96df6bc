using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Store.Reading;

/// <summary>
/// One UTC hour of one sending IP's traffic (to one receiver or all): attempts made in the hour by outcome, and the
/// messages whose first evidence falls in the hour, by final outcome.
/// </summary>
/// <param name="Hour">The hour's first instant, UTC.</param>
/// <param name="SendingIp">The sending IP, or null when the evidence did not record one.</param>
/// <param name="Attempts">Attempts in the hour.</param>
/// <param name="Delivered">Attempts delivered or relayed.</param>
/// <param name="Deferred">Attempts deferred.</param>
/// <param name="Bounced">Attempts failed for good.</param>
/// <param name="Messages">Messages first seen in the hour.</param>
public sealed record HourlyTraffic(DateTimeOffset Hour, string? SendingIp, long Attempts, long Delivered, long Deferred, long Bounced, MessageCounts Messages);
