using Microsoft.AspNetCore.SignalR.Client;
using NetView.Core.Wire;

namespace NetView.Web.Tests.Shared;

/// <summary>Sends a <see cref="FakeAgent"/>'s frames over a real hub connection, the way the agent invokes the hub.</summary>
internal static class AgentConnection
{
    public static async Task SendHelloAndSnapshotAsync(this HubConnection connection, FakeAgent agent)
    {
        await connection.InvokeAsync(HubMethods.Hello, agent.Hello);
        foreach (var chunk in agent.Chunks())
        {
            await connection.InvokeAsync(HubMethods.SnapshotChunk, chunk);
        }
    }

    public static Task SendCountersAsync(this HubConnection connection, CounterFrame frame) =>
        connection.InvokeAsync(HubMethods.Counters, frame);
}
