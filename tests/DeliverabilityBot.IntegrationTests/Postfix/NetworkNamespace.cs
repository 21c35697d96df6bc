using System.Runtime.InteropServices;

namespace DeliverabilityBot.IntegrationTests.Postfix;

/// <summary>
/// A private network namespace (<c>ip netns add</c>) with only its loopback up, so Postfix and the fake
/// receivers talk over 127.0.0.0/8 and nothing can leave the machine. Sockets for this process are made
/// inside it by a thread that enters it with <c>setns(2)</c> and leaves again (a socket keeps the
/// namespace it was made in). Deleted on dispose.
/// </summary>
public sealed partial class NetworkNamespace : IDisposable
{
    private const int CloneNewNet = 0x40000000;

    private NetworkNamespace(string name) => Name = name;

    /// <summary>The namespace's name (under <c>/run/netns</c>).</summary>
    public string Name { get; }

    /// <summary>Creates the namespace and brings its loopback up.</summary>
    public static NetworkNamespace Create(string name)
    {
        Command.Run("ip", ["netns", "add", name]);
        var ns = new NetworkNamespace(name);
        try { ns.Run("ip", ["link", "set", "lo", "up"]); }
        catch { ns.Dispose(); throw; }
        return ns;
    }

    /// <summary>
    /// Gives the namespace its own <c>/etc/hosts</c>: <c>ip netns exec</c> bind-mounts <c>/etc/netns/NAME/hosts</c>
    /// over it for what it starts, so Postfix resolves the receivers' MX names to the fakes (no DNS).
    /// </summary>
    public void WriteHosts(IReadOnlyDictionary<string, System.Net.IPAddress> names)
    {
        Directory.CreateDirectory(EtcDirectory);
        File.WriteAllLines(Path.Combine(EtcDirectory, "hosts"),
            ["127.0.0.1 localhost", .. names.Select(n => $"{n.Value} {n.Key}")]);
    }

    private string EtcDirectory => Path.Combine("/etc/netns", Name);

    /// <summary>Runs a command inside the namespace and waits for it; throws with its output if it fails.</summary>
    public string Run(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null) =>
        Command.Run("ip", ["netns", "exec", Name, file, .. args], environment);

    /// <summary>Calls <paramref name="make"/> on a thread that is inside the namespace (to make sockets there).</summary>
    public T Inside<T>(Func<T> make)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var home = File.OpenHandle($"/proc/thread-self/ns/net");
                using var target = File.OpenHandle($"/run/netns/{Name}");
                if (SetNs((int)target.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new InvalidOperationException($"setns into network namespace {Name} failed: errno {Marshal.GetLastPInvokeError()}");
                try { result = make(); }
                finally
                {
                    // The thread ends right after, but return it home anyway: nothing else may run in the wrong namespace.
                    if (SetNs((int)home.DangerousGetHandle(), CloneNewNet) != 0)
                        Environment.FailFast($"setns back from network namespace {Name} failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }
            catch (Exception e) { failure = e; }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException($"Could not work inside network namespace {Name}.", failure);
        return result!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { Command.Run("ip", ["netns", "delete", Name]); }
        catch (InvalidOperationException) { /* already gone */ }
        try { if (Directory.Exists(EtcDirectory)) Directory.Delete(EtcDirectory, recursive: true); }
        catch (IOException) { /* left for the next run's clean-up in .ci/run */ }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nsType);
}
