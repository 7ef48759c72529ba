using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Shared;

/// <summary>
/// A real Kestrel server with a SignalR hub at <c>/hubs/agent</c> (MessagePack, bearer token) that
/// records what the agent sends, in arrival order. It can be stopped and started again on the
/// same port to play a server restart.
/// </summary>
internal sealed class RecordingHubServer : IAsyncDisposable
{
    public const string Token = "agent-token";

    private WebApplication? _app;

    public BlockingCollection<object> Received { get; } = new(boundedCapacity: 100_000);

    public Uri Address { get; private set; } = new("http://127.0.0.1:0");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Address.Port));
        builder.Services.AddSingleton(this);
        builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024).AddMessagePackProtocol();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var query = context.Request.Query["access_token"].ToString();
            if (header != "Bearer " + Token && query != Token)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
        _app.MapHub<RecordingHub>(HubMethods.Path);
        await _app.StartAsync();
        var bound = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound);
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Sends a snapshot request to every connected agent.</summary>
    public Task RequestSnapshotAsync(SnapshotRequest request) =>
        _app!.Services.GetRequiredService<IHubContext<RecordingHub>>().Clients.All.SendAsync(HubMethods.RequestSnapshot, request);

    /// <summary>The next frame of type <typeparamref name="T"/>, skipping others; fails after a generous real-time limit.</summary>
    public T Next<T>()
    {
        while (Received.TryTake(out var item, TimeSpan.FromSeconds(60)))
        {
            if (item is T frame)
            {
                return frame;
            }
        }

        throw new TimeoutException($"no {typeof(T).Name} arrived");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    internal sealed class RecordingHub(RecordingHubServer server) : Hub
    {
        public void Hello(AgentHello hello) => server.Received.Add(hello);

        public void SnapshotChunk(RuleSetSnapshotChunk chunk) => server.Received.Add(chunk);

        public void Counters(CounterFrame frame) => server.Received.Add(frame);

        public void Problem(AgentProblem problem) => server.Received.Add(problem);
    }
}
