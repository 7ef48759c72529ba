using System.Runtime.CompilerServices;
using Bunit;

namespace NetView.Web.Tests.Shared;

/// <summary>
/// Once for the test assembly, before any test: xUnit runs the test classes side by side, and on
/// CI's two cores bUnit's synchronous waits can hold every thread-pool thread, so that a renderer
/// never gets one to check its condition (a wait failed so, "never checked", in a fresh-clone run).
/// </summary>
internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), completionPorts);
        // A condition that holds is seen at once; the timeout only bounds one that never does.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
