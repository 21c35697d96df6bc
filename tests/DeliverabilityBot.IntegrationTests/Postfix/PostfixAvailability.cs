namespace DeliverabilityBot.IntegrationTests.Postfix;

/// <summary>
/// Whether a real Postfix can run here: Linux, root (for network namespaces and Postfix's own
/// privilege drop), <c>ip</c> and the Debian <c>postfix</c> package. Where not, the test skips saying
/// why, except under <c>CI=true</c>, where it fails (CI installs Postfix; it can never pass by skipping).
/// </summary>
public static class PostfixAvailability
{
    /// <summary>Skips (or, under CI=true, fails) unless a real Postfix can be run.</summary>
    public static void Require()
    {
        var missing = Missing();
        if (missing is null) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI=true but the real-MTA test cannot run: {missing}. .ci/run installs the Debian postfix package and runs as root.");
        Skip.If(true, $"Real-MTA test skipped: {missing} (needs Linux, root, iproute2 and the Debian postfix package; .ci/run installs it).");
    }

    /// <summary>What is missing, or null.</summary>
    public static string? Missing()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        if (Environment.UserName != "root" && GetUid() != 0) return "not running as root";
        foreach (var tool in new[] { "/usr/sbin/postfix", "/usr/lib/postfix/sbin/master", "/usr/sbin/ip" })
            if (!File.Exists(tool) && !Command.Exists(Path.GetFileName(tool))) return $"{tool} not found";
        if (MailOwnerIdsOrNull() is null) return "no 'postfix' user in /etc/passwd";
        return null;
    }

    /// <summary>The uid and gid of the <c>postfix</c> user (the package creates it).</summary>
    public static (int Uid, int Gid) MailOwnerIds() => MailOwnerIdsOrNull() ?? throw new InvalidOperationException("No 'postfix' user in /etc/passwd.");

    private static (int, int)? MailOwnerIdsOrNull()
    {
        if (!File.Exists("/etc/passwd")) return null;
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var f = line.Split(':');
            if (f.Length > 3 && f[0] == "postfix" && int.TryParse(f[2], out var uid) && int.TryParse(f[3], out var gid)) return (uid, gid);
        }
        return null;
    }

    private static uint GetUid() => uint.TryParse(File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], out var u) ? u : uint.MaxValue;
}
