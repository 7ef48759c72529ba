using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// Creates sockets that live in a network namespace without a helper process: a dedicated thread
/// enters the namespace with setns(2), creates the socket and leaves. A socket belongs to the
/// namespace it was created in for its whole life, so it can then be used from any thread. The
/// kernel allows setns(CLONE_NEWNET) per thread in a multi-threaded process.
/// </summary>
internal static partial class NamespaceSockets
{
    private const int CloneNewNet = 0x40000000;

    public static Socket CreateTcp(string namespaceName, AddressFamily family) =>
        InNamespace(namespaceName, () => new Socket(family, SocketType.Stream, ProtocolType.Tcp));

    public static T InNamespace<T>(string namespaceName, Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var original = File.OpenHandle($"/proc/self/task/{gettid()}/ns/net");
                using var target = File.OpenHandle($"/var/run/netns/{namespaceName}");
                Enter(target.DangerousGetHandle());
                try
                {
                    result = action();
                }
                finally
                {
                    Enter(original.DangerousGetHandle());
                }
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException($"Could not act inside network namespace {namespaceName}: {failure.Message}", failure);
        }

        return result;
    }

    public static IPEndPoint Parse(string endpoint) => IPEndPoint.Parse(endpoint);

    private static void Enter(IntPtr handle)
    {
        if (setns((int)handle, CloneNewNet) != 0)
        {
            throw new InvalidOperationException($"setns failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);

    [LibraryImport("libc")]
    private static partial int gettid();
}
