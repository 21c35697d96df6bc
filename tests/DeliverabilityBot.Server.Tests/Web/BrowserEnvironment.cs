namespace DeliverabilityBot.Server.Tests.Web;

/// <summary>Where the browser test finds Chromium, and what it does where there is none.</summary>
public static class BrowserEnvironment
{
    /// <summary>Debian's Chromium (installed by <c>.ci/run</c> when missing).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// The Chromium executable, or skips the test with a clear message; where <c>CI=true</c> a missing Chromium is a
    /// failure, so CI cannot pass by skipping the browser test.
    /// </summary>
    public static string RequireChromium()
    {
        if (File.Exists(ChromiumPath)) return ChromiumPath;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI=true but {ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        Skip.If(true, $"{ChromiumPath} is absent; install it with `apt-get install -y chromium` to run the browser test (it fails instead where CI=true).");
        return ChromiumPath;
    }
}
