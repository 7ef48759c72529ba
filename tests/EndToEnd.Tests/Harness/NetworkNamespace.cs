using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// A throw-away network namespace standing in for a Kubernetes node:
/// <list type="bullet">
/// <item>named <c>nv-&lt;random&gt;</c>, with <c>lo</c> up;</item>
/// <item>a veth pair to the host namespace with a unique /30 from 10.200.0.0–10.239.255.255, so a
/// process inside reaches a server bound to <see cref="HostAddress"/> and vice versa;</item>
/// <item>a default route via the host side, so ClusterIPs are routable and hit nat OUTPUT;</item>
/// <item><see cref="AddAddress"/> puts pod (endpoint) addresses on the namespace's veth, so DNATed
/// connections are delivered locally to <see cref="Listen"/>ers.</item>
/// </list>
/// <see cref="Dispose"/> always deletes the namespace (and with it the veth pair). Needs root.
/// Send traffic only to addresses inside namespaces the test made.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private readonly List<TcpListenerInNamespace> _listeners = [];
    private bool _disposed;

    private NetworkNamespace(string name, string hostInterface, string namespaceInterface, IPAddress hostAddress, IPAddress namespaceAddress)
    {
        Name = name;
        HostInterface = hostInterface;
        NamespaceInterface = namespaceInterface;
        HostAddress = hostAddress;
        NamespaceAddress = namespaceAddress;
    }

    public string Name { get; }
    public string HostInterface { get; }
    public string NamespaceInterface { get; }

    /// <summary>The host side of the veth pair: bind servers here for processes in the namespace.</summary>
    public IPAddress HostAddress { get; }

    /// <summary>The namespace side of the veth pair.</summary>
    public IPAddress NamespaceAddress { get; }

    /// <summary>Creates the namespace, the veth pair, addresses and the default route; cleans up if any step fails.</summary>
    public static NetworkNamespace Create()
    {
        Command.RequireRoot();
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var (hostAddress, namespaceAddress) = PickTransferNetwork();
        var network = new NetworkNamespace($"nv-{suffix}", $"nvh-{suffix}", $"nvn-{suffix}", hostAddress, namespaceAddress);
        try
        {
            network.Setup();
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return network;
    }

    /// <summary>Runs a command inside the namespace (<c>ip netns exec</c>).</summary>
    public CommandResult Exec(string fileName, IEnumerable<string>? arguments = null, string? standardInput = null) =>
        Command.Run("ip", ["netns", "exec", Name, fileName, .. arguments ?? []], standardInput);

    /// <summary>Adds an address (e.g. a pod IP, <c>10.244.1.10</c>) to the namespace's veth as a /32 (/128).</summary>
    public void AddAddress(IPAddress address)
    {
        var prefix = address.AddressFamily == AddressFamily.InterNetworkV6 ? "/128" : "/32";
        var arguments = new List<string> { "-n", Name };
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            arguments.Add("-6");
        }

        arguments.AddRange(["addr", "add", address + prefix, "dev", NamespaceInterface]);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            arguments.Add("nodad");
        }

        Command.Run("ip", arguments).EnsureSuccess();
    }

    /// <summary>Loads rules with <c>iptables-restore</c> (or <c>ip6tables-restore</c>) inside the namespace.</summary>
    public void RestoreIptables(string rules, bool ipv6 = false) =>
        Exec(ipv6 ? "ip6tables-restore" : "iptables-restore", [], rules).EnsureSuccess();

    /// <summary>The namespace's rules as <c>iptables-save -c</c> prints them: the kernel's own counters.</summary>
    public string SaveIptables(bool ipv6 = false) =>
        Exec(ipv6 ? "ip6tables-save" : "iptables-save", ["-c"]).EnsureSuccess().StandardOutput;

    /// <summary>Starts a listener on <paramref name="endpoint"/> inside the namespace; disposed with the namespace.</summary>
    public TcpListenerInNamespace Listen(IPEndPoint endpoint)
    {
        var listener = new TcpListenerInNamespace(Name, endpoint);
        _listeners.Add(listener);
        return listener;
    }

    /// <summary>
    /// Opens <paramref name="count"/> TCP connections, one after the other, from inside the
    /// namespace to <paramref name="destination"/> (a ClusterIP goes through nat OUTPUT) and closes
    /// each. Bounded: each attempt gives up after <paramref name="timeout"/> (default 2 s).
    /// </summary>
    public async Task<ConnectionOutcome> ConnectAsync(IPEndPoint destination, int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int established = 0, refused = 0, failed = 0;
        for (var i = 0; i < count; i++)
        {
            using var socket = NamespaceSockets.CreateTcp(Name, destination.AddressFamily);
            using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(2));
            try
            {
                await socket.ConnectAsync(destination, deadline.Token);
                established++;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
            {
                refused++;
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                failed++;
            }
        }

        return new ConnectionOutcome(established, refused, failed);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        // Deleting the namespace deletes its end of the veth pair and with it the host end.
        Command.Run("ip", "netns", "delete", Name);
        Command.Run("ip", "link", "delete", HostInterface);
    }

    private void Setup()
    {
        Command.Run("ip", "netns", "add", Name).EnsureSuccess();
        Command.Run("ip", "link", "add", HostInterface, "type", "veth", "peer", "name", NamespaceInterface, "netns", Name).EnsureSuccess();
        Command.Run("ip", "addr", "add", HostAddress + "/30", "dev", HostInterface).EnsureSuccess();
        Command.Run("ip", "link", "set", HostInterface, "up").EnsureSuccess();
        Command.Run("ip", "-n", Name, "link", "set", "lo", "up").EnsureSuccess();
        Command.Run("ip", "-n", Name, "addr", "add", NamespaceAddress + "/30", "dev", NamespaceInterface).EnsureSuccess();
        Command.Run("ip", "-n", Name, "link", "set", NamespaceInterface, "up").EnsureSuccess();
        Command.Run("ip", "-n", Name, "route", "add", "default", "via", HostAddress.ToString()).EnsureSuccess();
    }

    /// <summary>A /30 in 10.200–10.239 that no host interface uses yet (other tests create namespaces at the same time).</summary>
    private static (IPAddress Host, IPAddress Namespace) PickTransferNetwork()
    {
        var used = Command.Run("ip", "-o", "-4", "addr", "show").EnsureSuccess().StandardOutput;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var second = RandomNumberGenerator.GetInt32(200, 240);
            var third = RandomNumberGenerator.GetInt32(0, 256);
            var fourth = RandomNumberGenerator.GetInt32(0, 64) * 4;
            var prefix = $"10.{second}.{third}.";
            if (!used.Contains($" {prefix}{fourth + 1}/", StringComparison.Ordinal) && !used.Contains($" {prefix}{fourth + 2}/", StringComparison.Ordinal))
            {
                return (IPAddress.Parse(prefix + (fourth + 1)), IPAddress.Parse(prefix + (fourth + 2)));
            }
        }

        throw new InvalidOperationException("No free /30 found in 10.200.0.0/13.");
    }
}
