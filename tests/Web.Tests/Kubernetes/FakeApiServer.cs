using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NetView.Web.Tests.Kubernetes;

/// <summary>
/// Stands in for the Kubernetes API server (no binary is available here): serves real API JSON
/// for list requests and a line-per-event watch stream, on a real local port, to the real
/// KubernetesClient. Watch events are pushed by the test.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Channel<string>> _watches = new();
    private readonly Dictionary<string, string> _lists = new();
    private readonly Dictionary<string, TaskCompletionSource> _opened = new();

    public FakeApiServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/api/v1/services", context => Serve(context, "services"));
        _app.MapGet("/apis/discovery.k8s.io/v1/endpointslices", context => Serve(context, "endpointslices"));
    }

    public string Url { get; private set; } = "";

    public int ListRequests { get; private set; }

    public void SetList(string resource, string json) => _lists[resource] = json;

    /// <summary>Sends one watch event; compacted to one line, as the API server writes them.</summary>
    public ValueTask PushAsync(string resource, string eventJson) =>
        Watch(resource).Writer.WriteAsync(System.Text.Json.Nodes.JsonNode.Parse(eventJson)!.ToJsonString());

    /// <summary>Completes when a client has a watch open on the resource.</summary>
    public Task WatchOpened(string resource) => Opened(resource).Task;

    public void EndWatch(string resource)
    {
        Watch(resource).Writer.TryComplete();
        lock (_watches)
        {
            _watches.Remove(resource);
            _opened.Remove(resource);
        }
    }

    private TaskCompletionSource Opened(string resource)
    {
        lock (_watches)
        {
            if (!_opened.TryGetValue(resource, out var opened))
            {
                opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _opened[resource] = opened;
            }

            return opened;
        }
    }

    public async Task StartAsync()
    {
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private Channel<string> Watch(string resource)
    {
        lock (_watches)
        {
            if (!_watches.TryGetValue(resource, out var channel))
            {
                channel = Channel.CreateBounded<string>(100);
                _watches[resource] = channel;
            }

            return channel;
        }
    }

    private async Task Serve(HttpContext context, string resource)
    {
        context.Response.ContentType = "application/json";
        if (context.Request.Query["watch"] != "true")
        {
            ListRequests++;
            await context.Response.WriteAsync(_lists[resource]);
            return;
        }

        // A watch: one JSON event per line, flushed as it happens, until the test ends it.
        await context.Response.StartAsync();
        var reader = Watch(resource).Reader;
        Opened(resource).TrySetResult();
        try
        {
            await foreach (var line in reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(line + "\n");
                await context.Response.Body.FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_watches)
        {
            foreach (var channel in _watches.Values)
            {
                channel.Writer.TryComplete();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
