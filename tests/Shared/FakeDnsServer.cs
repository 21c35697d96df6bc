using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeliverabilityBot.Tests.Shared;

/// <summary>
/// A real DNS server for tests: UDP on 127.0.0.1 (a free port), answering queries from records set by the test
/// (A, AAAA, TXT, MX, PTR), NXDOMAIN for unknown names, NOERROR with no answers for a known name of another type,
/// SERVFAIL or silence (a timeout) on request. Wire format per RFC 1035 section 4, so a real client's whole path runs.
/// </summary>
internal sealed class FakeDnsServer : IAsyncDisposable
{
    private const ushort TypeA = 1, TypePtr = 12, TypeMx = 15, TypeTxt = 16, TypeAaaa = 28;

    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<(string Name, ushort Type), List<byte[]>> _records = new();
    private readonly ConcurrentDictionary<string, bool> _serverFailures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _silent = new(StringComparer.OrdinalIgnoreCase);
    private int _queries;

    private FakeDnsServer()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static FakeDnsServer Start() => new();

    /// <summary>Where it listens.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>"127.0.0.1:port", as <c>Checks:NameServers</c> takes it.</summary>
    public string Address => $"{EndPoint.Address}:{EndPoint.Port}";

    /// <summary>When true, no query is answered (an unreachable resolver).</summary>
    public bool Silent { get; set; }

    /// <summary>Queries received so far.</summary>
    public int Queries => Volatile.Read(ref _queries);

    /// <summary>Names and types asked, in order ("example.com TXT").</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    public FakeDnsServer A(string name, params string[] addresses) => Add(name, TypeA, addresses.Select(a => IPAddress.Parse(a).GetAddressBytes()));

    public FakeDnsServer Aaaa(string name, params string[] addresses) => Add(name, TypeAaaa, addresses.Select(a => IPAddress.Parse(a).GetAddressBytes()));

    /// <summary>TXT records, each one record (split into 255-byte character-strings as publishers must).</summary>
    public FakeDnsServer Txt(string name, params string[] records) => Add(name, TypeTxt, records.Select(TxtData));

    public FakeDnsServer Mx(string name, params (int Preference, string Exchange)[] hosts) =>
        Add(name, TypeMx, hosts.Select(h => new byte[] { (byte)(h.Preference >> 8), (byte)h.Preference }.Concat(Name(h.Exchange)).ToArray()));

    public FakeDnsServer Ptr(string ip, params string[] names) => Add(ReverseName(IPAddress.Parse(ip)), TypePtr, names.Select(Name));

    /// <summary>Answers SERVFAIL for <paramref name="name"/>.</summary>
    public FakeDnsServer ServerFailure(string name) { _serverFailures[Key(name)] = true; return this; }

    /// <summary>Never answers <paramref name="name"/> (the client times out).</summary>
    public FakeDnsServer Unanswered(string name) { _silent[Key(name)] = true; return this; }

    /// <summary>The reverse name of an address (in-addr.arpa or ip6.arpa).</summary>
    public static string ReverseName(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetwork
        ? string.Join('.', ip.GetAddressBytes().Reverse()) + ".in-addr.arpa"
        : string.Join('.', ip.GetAddressBytes().SelectMany(b => new[] { b >> 4, b & 0xF }).Reverse().Select(n => n.ToString("x", System.Globalization.CultureInfo.InvariantCulture))) + ".ip6.arpa";

    private FakeDnsServer Add(string name, ushort type, IEnumerable<byte[]> data)
    {
        _records.AddOrUpdate((Key(name), type), _ => data.ToList(), (_, list) => { list.AddRange(data); return list; });
        return this;
    }

    private static string Key(string name) => name.TrimEnd('.').ToLowerInvariant();

    private async Task ServeAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested) return;
                continue;
            }
            Interlocked.Increment(ref _queries);
            var response = Answer(buffer.AsSpan(0, received.ReceivedBytes));
            if (response is null) continue;
            try
            {
                await _socket.SendToAsync(response, SocketFlags.None, received.RemoteEndPoint);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
            }
        }
    }

    private byte[]? Answer(ReadOnlySpan<byte> query)
    {
        if (query.Length < 17) return null;
        var offset = 12;
        var labels = new List<string>();
        while (offset < query.Length && query[offset] != 0)
        {
            int length = query[offset];
            if (offset + 1 + length > query.Length) return null;
            labels.Add(Encoding.ASCII.GetString(query.Slice(offset + 1, length)));
            offset += 1 + length;
        }
        offset++;
        if (offset + 4 > query.Length) return null;
        var type = BinaryPrimitives.ReadUInt16BigEndian(query[offset..]);
        var questionEnd = offset + 4;
        var name = Key(string.Join('.', labels));
        Asked.Enqueue($"{name} {TypeName(type)}");
        if (Silent || _silent.ContainsKey(name)) return null;

        ushort rcode = 0;
        var answers = new List<byte[]>();
        if (_serverFailures.ContainsKey(name)) rcode = 2;
        else if (_records.TryGetValue((name, type), out var data)) answers.AddRange(data);
        else if (!_records.Keys.Any(k => k.Name == name)) rcode = 3;

        using var ms = new MemoryStream();
        var header = new byte[12];
        header[0] = query[0];
        header[1] = query[1];
        var flags = (ushort)(0x8000 | 0x0400 | (BinaryPrimitives.ReadUInt16BigEndian(query[2..]) & 0x0100) | 0x0080 | rcode);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)answers.Count);
        ms.Write(header);
        ms.Write(query[12..questionEnd]);
        var owner = Name(name);
        foreach (var rdata in answers)
        {
            ms.Write(owner);
            var fixedPart = new byte[10];
            BinaryPrimitives.WriteUInt16BigEndian(fixedPart, type);
            BinaryPrimitives.WriteUInt16BigEndian(fixedPart.AsSpan(2), 1);
            BinaryPrimitives.WriteUInt32BigEndian(fixedPart.AsSpan(4), 60);
            BinaryPrimitives.WriteUInt16BigEndian(fixedPart.AsSpan(8), (ushort)rdata.Length);
            ms.Write(fixedPart);
            ms.Write(rdata);
        }
        return ms.ToArray();
    }

    private static string TypeName(ushort type) => type switch
    {
        TypeA => "A", TypeAaaa => "AAAA", TypeTxt => "TXT", TypeMx => "MX", TypePtr => "PTR", _ => type.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static byte[] Name(string name)
    {
        var ms = new MemoryStream();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            ms.WriteByte((byte)bytes.Length);
            ms.Write(bytes);
        }
        ms.WriteByte(0);
        return ms.ToArray();
    }

    private static byte[] TxtData(string record)
    {
        var bytes = Encoding.UTF8.GetBytes(record);
        var ms = new MemoryStream();
        for (var i = 0; i < bytes.Length || i == 0; i += 255)
        {
            var chunk = bytes.AsSpan(i, Math.Min(255, bytes.Length - i));
            ms.WriteByte((byte)chunk.Length);
            ms.Write(chunk);
            if (bytes.Length == 0) break;
        }
        return ms.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
