using System.Net;
using System.Net.Sockets;

namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// A TCP listener bound to an address inside a namespace, standing in for a pod: it accepts every
/// connection, closes it, and counts it. In-process (see <see cref="NamespaceSockets"/>) rather
/// than socat, so the test needs no extra Debian package and knows exactly how many connections
/// each endpoint received.
/// </summary>
public sealed class TcpListenerInNamespace : IDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _accepted;

    internal TcpListenerInNamespace(string namespaceName, IPEndPoint endpoint)
    {
        Endpoint = endpoint;
        _socket = NamespaceSockets.CreateTcp(namespaceName, endpoint.AddressFamily);
        _socket.Bind(endpoint);
        _socket.Listen(512);
        _acceptLoop = Task.Run(AcceptAsync);
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the socket's disposal; its exception says nothing new.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _socket.AcceptAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            connection.Dispose();
        }
    }
}
