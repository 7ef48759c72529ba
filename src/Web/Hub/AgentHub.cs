using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NetView.Core.Wire;
using NetView.Web.Ingestion;

namespace NetView.Web.Hub;

/// <summary>
/// <c>/hubs/agent</c>: agents stream hello, rule-set snapshot chunks and counter frames here
/// (MessagePack). Thin on purpose: the token is checked before the connection exists
/// (<see cref="AgentTokenHandler"/>), message size by SignalR's receive limit, and everything else
/// by the connection's <see cref="AgentSession"/>. A refused frame fails the invocation with the
/// reason (a <see cref="HubException"/>); an unknown hash is answered with
/// <see cref="HubMethods.RequestSnapshot"/>.
/// </summary>
[Authorize(Policy = AgentTokenHandler.PolicyName)]
internal sealed class AgentHub(Ingestor ingestor) : Microsoft.AspNetCore.SignalR.Hub
{
    private const string SessionKey = "netview.session";

    public override Task OnConnectedAsync()
    {
        Context.Items[SessionKey] = ingestor.OpenSession();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        Session.Closed();
        return base.OnDisconnectedAsync(exception);
    }

    public Task Hello(AgentHello hello) => Reply(Session.Hello(hello));

    public Task SnapshotChunk(RuleSetSnapshotChunk chunk) => Reply(Session.SnapshotChunk(chunk));

    public Task Counters(CounterFrame frame) => Reply(Session.Counters(frame));

    public Task Problem(AgentProblem problem) => Reply(Session.Problem(problem));

    private AgentSession Session => (AgentSession)Context.Items[SessionKey]!;

    private Task Reply(IngestResult result) => result.Outcome switch
    {
        IngestOutcome.Rejected => throw new HubException(result.Reason),
        IngestOutcome.NeedSnapshot => Clients.Caller.SendAsync(HubMethods.RequestSnapshot, result.Request),
        _ => Task.CompletedTask,
    };
}
