namespace DeliverabilityBot.Server.Demo;

/// <summary>One outbound Postfix instance of the demo MTA (postmulti): its syslog name, the IP it sends from, its stream.</summary>
/// <param name="SyslogName">The instance's <c>multi_instance_name</c>, which its log lines carry (<c>postfix-out2/smtp[..]</c>).</param>
/// <param name="Ip">Its <c>smtp_bind_address</c>.</param>
/// <param name="Stream">The mail it sends (<c>transactional</c>, <c>marketing</c>).</param>
public sealed record DemoInstance(string SyslogName, string Ip, string Stream);
