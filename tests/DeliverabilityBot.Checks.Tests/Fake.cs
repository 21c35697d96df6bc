using DeliverabilityBot.Checks.Dns;

namespace DeliverabilityBot.Checks.Tests;

/// <summary>A DnsClient resolver pointed at a fake server, with short timeouts (nothing here waits long).</summary>
internal static class Fake
{
    public static DnsClientResolver Resolver(FakeDnsServer server, double timeoutSeconds = 1, int retries = 0) =>
        new([server.EndPoint], TimeSpan.FromSeconds(timeoutSeconds), retries);
}
