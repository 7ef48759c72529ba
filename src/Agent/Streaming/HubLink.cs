using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetView.Core.Wire;

namespace NetView.Agent.Streaming;

/// <summary>
/// The agent's SignalR connection to <c>{server}/hubs/agent</c>: MessagePack, bearer token,
/// reconnecting forever. SignalR's automatic reconnect does not cover the first connection, so
/// <see cref="KeepConnectedAsync"/> retries that itself with the same jittered backoff. Events
/// from SignalR's threads only set flags and wake the agent loop, which does all the sending,
/// so frames leave in order.
/// </summary>
internal sealed class HubLink : IAsyncDisposable
{
    private const int MaxPendingRequests = 16;

    private readonly HubConnection _connection;
    private readonly TimeProvider _time;
    private readonly JitteredBackoff _backoff;
    private readonly AgentLog _log;
    private readonly Action _wake;
    private readonly ConcurrentQueue<SnapshotRequest> _requests = new();
    private TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _helloChanged;
    private string? _helloConnectionId;

    // The protocol's warning is about MessagePack's emitting resolvers, which WireResolver replaces:
    // it answers every type the agent sends or receives (WireFormatterTests, LivePathTests on the
    // native build).
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "WireResolver formats every frame without reflection.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "WireResolver formats every frame without emitting code.")]
    public HubLink(Uri server, string token, TimeProvider time, Random random, AgentLog log, Action wake)
    {
        _time = time;
        _log = log;
        _wake = wake;
        _backoff = new JitteredBackoff(AgentRetryPolicy.First, AgentRetryPolicy.Cap, random);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubMethods.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol(options => options.SerializerOptions = WireResolver.Options)
            .WithAutomaticReconnect(new AgentRetryPolicy(random));
        builder.Services.AddSingleton(time);
        _connection = builder.Build();
        _connection.Reconnecting += error =>
        {
            _log.Write($"connection to {server} lost ({error?.Message ?? "closed"}); reconnecting, frames are kept meanwhile");
            return Task.CompletedTask;
        };
        _connection.Reconnected += _ =>
        {
            _log.Write($"reconnected to {server}");
            Connected();
            return Task.CompletedTask;
        };
        _connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
        _connection.On<SnapshotRequest>(HubMethods.RequestSnapshot, request =>
        {
            if (_requests.Count < MaxPendingRequests)
            {
                _requests.Enqueue(request);
            }

            _wake();
        });
        Server = server;
    }

    public Uri Server { get; }

    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    /// <summary>Hashes sent on this connection; cleared when the agent says hello again.</summary>
    public HashSet<string> SentHashes { get; } = new(StringComparer.Ordinal);

    /// <summary>Connection attempts that failed in a row (for tests and the log).</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>
    /// True once per connection id (the server keys agents by connection, and the id changes on
    /// every reconnection) and once after <see cref="SayHelloAgain"/>: say hello first. Keyed by
    /// the id rather than set by events, so a connection is greeted exactly once however the
    /// connect event and the agent loop interleave.
    /// </summary>
    public bool TakeHelloNeeded()
    {
        var id = _connection.ConnectionId;
        if (!_helloChanged && id == _helloConnectionId)
        {
            return false;
        }

        _helloChanged = false;
        _helloConnectionId = id;
        SentHashes.Clear();
        return true;
    }

    /// <summary>What the hello says changed (the backend); the next flush repeats it.</summary>
    public void SayHelloAgain()
    {
        _helloChanged = true;
        _wake();
    }

    public bool TryTakeRequest(out SnapshotRequest request) => _requests.TryDequeue(out request!);

    /// <summary>
    /// Sends a frame and waits until the server has taken it, so a frame leaves the backlog only
    /// once it arrived (a send that is merely written to the socket is lost when the server goes
    /// down). Returns null when accepted, or the server's reason when it refused the frame; a
    /// broken connection throws and the frame stays queued.
    /// </summary>
    public async Task<string?> DeliverAsync(string method, object frame, CancellationToken cancellationToken)
    {
        try
        {
            await _connection.InvokeAsync(method, frame, cancellationToken);
            return null;
        }
        catch (HubException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>Connects, and connects again whenever the connection closes for good, until cancelled.</summary>
    public async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await _connection.StartAsync(cancellationToken);
                FailedAttempts = 0;
                _log.Write($"connected to {Server}");
                Connected();
                await _closed.Task.WaitAsync(cancellationToken);
                _log.Write($"connection to {Server} closed");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                FailedAttempts++;
                _log.Write($"cannot reach {Server}: {e.Message}; retrying (attempt {FailedAttempts})");
            }

            try
            {
                await Task.Delay(_backoff.Delay(FailedAttempts - 1), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.StopAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private void Connected() => _wake();
}
