using Microsoft.Extensions.Logging.Abstractions;
using NetView.Web.Kubernetes;
using NetView.Web.Tests.Shared;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Kubernetes;

public sealed class KubernetesWatcherTests : IAsyncLifetime
{
    private const string ServiceList = """
        {"kind":"ServiceList","apiVersion":"v1","metadata":{"resourceVersion":"100"},"items":[
          {"metadata":{"name":"web","namespace":"shop","resourceVersion":"90"},
           "spec":{"type":"NodePort","clusterIP":"10.96.0.50","clusterIPs":["10.96.0.50"],
                   "ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080,"nodePort":30080}],
                   "externalTrafficPolicy":"Local","internalTrafficPolicy":"Cluster","sessionAffinity":"ClientIP"}}]}
        """;

    private const string SliceList = """
        {"kind":"EndpointSliceList","apiVersion":"discovery.k8s.io/v1","metadata":{"resourceVersion":"101"},"items":[
          {"metadata":{"name":"web-abc12","namespace":"shop","labels":{"kubernetes.io/service-name":"web"}},
           "addressType":"IPv4",
           "endpoints":[
             {"addresses":["10.244.1.5"],"conditions":{"ready":true},"nodeName":"node-a",
              "targetRef":{"kind":"Pod","namespace":"shop","name":"web-7d9f-x2x4q"}},
             {"addresses":["10.244.2.9"],"conditions":{"ready":false},"nodeName":"node-b",
              "targetRef":{"kind":"Pod","namespace":"shop","name":"web-7d9f-kk81z"}}],
           "ports":[{"name":"http","protocol":"TCP","port":8080}]}]}
        """;

    // The rules kube-proxy wrote for shop/web:http from that slice (1.29 shapes).
    private const string WebRules = """
        *nat
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-WEB0000000000000 - [0:0]
        :KUBE-SEP-AAA0000000000000 - [0:0]
        :KUBE-SEP-BBB0000000000000 - [0:0]
        [10:600] -A KUBE-SERVICES -d 10.96.0.50/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB0000000000000
        [6:360] -A KUBE-SVC-WEB0000000000000 -m comment --comment "shop/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-AAA0000000000000
        [4:240] -A KUBE-SVC-WEB0000000000000 -m comment --comment "shop/web:http -> 10.244.2.9:8080" -j KUBE-SEP-BBB0000000000000
        [6:360] -A KUBE-SEP-AAA0000000000000 -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080
        [4:240] -A KUBE-SEP-BBB0000000000000 -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.2.9:8080
        COMMIT
        """;

    private readonly FakeApiServer _api = new();
    private readonly ClusterDirectory _directory = new();
    private readonly CancellationTokenSource _stop = new();
    private KubernetesWatcher? _watcher;

    public async Task InitializeAsync()
    {
        _api.SetList("services", ServiceList);
        _api.SetList("endpointslices", SliceList);
        await _api.StartAsync();
        var client = KubernetesWatcher.CreateClient(new KubernetesOptions { Host = _api.Url });
        _watcher = new KubernetesWatcher(client, _directory, TimeProvider.System, NullLogger<KubernetesWatcher>.Instance);
    }

    [Fact]
    public async Task Watcher_ListThenWatch_DirectoryFollowsTheApi()
    {
        await WhenAsync(() => _directory.FindEndpoint("10.244.2.9:8080") is not null && _directory.FindService("shop", "web") is not null,
            () => _watcher!.StartAsync(_stop.Token));

        var service = _directory.FindService("shop", "web")!;
        Assert.Equal("NodePort", service.Type);
        Assert.Equal(["10.96.0.50"], service.ClusterIPs);
        Assert.Equal(new ServicePortInfo("http", "tcp", 80, 30080), Assert.Single(service.Ports));
        Assert.Equal("Local", service.ExternalTrafficPolicy);
        Assert.Equal("ClientIP", service.SessionAffinity);
        Assert.Equal(new PodEndpoint("10.244.1.5", "shop", "web-7d9f-x2x4q", "node-a", true), _directory.FindEndpoint("10.244.1.5:8080"));
        Assert.False(_directory.FindEndpoint("10.244.2.9")!.Ready);

        // The slice changes: one pod replaced by another. The old address must go, the new one appear.
        await WhenAsync(() => _directory.FindEndpoint("10.244.3.3:8080") is not null && _directory.FindEndpoint("10.244.2.9:8080") is null,
            () => _api.PushAsync("endpointslices", """
                {"type":"MODIFIED","object":{"kind":"EndpointSlice","apiVersion":"discovery.k8s.io/v1",
                 "metadata":{"name":"web-abc12","namespace":"shop","resourceVersion":"102"},"addressType":"IPv4",
                 "endpoints":[
                   {"addresses":["10.244.1.5"],"conditions":{"ready":true},"nodeName":"node-a","targetRef":{"kind":"Pod","namespace":"shop","name":"web-7d9f-x2x4q"}},
                   {"addresses":["10.244.3.3"],"conditions":{"ready":true},"nodeName":"node-c","targetRef":{"kind":"Pod","namespace":"shop","name":"web-7d9f-p0p0p"}}],
                 "ports":[{"name":"http","protocol":"TCP","port":8080}]}}
                """).AsTask());
        Assert.Equal("web-7d9f-p0p0p", _directory.FindEndpoint("10.244.3.3")!.PodName);

        await WhenAsync(() => _directory.FindService("shop", "web") is null,
            () => _api.PushAsync("services", """
                {"type":"DELETED","object":{"kind":"Service","apiVersion":"v1","metadata":{"name":"web","namespace":"shop","resourceVersion":"103"},"spec":{}}}
                """).AsTask());
    }

    [Fact]
    public async Task Watcher_SliceWithPodTargetRef_NamesThePodOnTheServiceView()
    {
        await WhenAsync(() => _directory.FindEndpoint("10.244.2.9") is not null, () => _watcher!.StartAsync(_stop.Token));
        var source = new FakeDashboardSource();
        source.AddNode("node-a", WebRules, DateTimeOffset.UnixEpoch);
        source.AddServicesOf("node-a");
        var view = new ServiceView(_directory.FindEndpoint);

        view.Refresh(source, "shop/web:http", null, TimeSpan.FromMinutes(1));

        var endpoints = view.Graph.Nodes.Where(n => n.Kind == FlowNodeKind.Endpoint).ToList();
        Assert.Equal(["web-7d9f-x2x4q", "web-7d9f-kk81z"], endpoints.Select(n => n.Pod?.PodName));
        Assert.Equal(["node-a", "node-b"], endpoints.Select(n => n.Pod?.NodeName));
        Assert.Equal([true, false], endpoints.Select(n => n.Pod!.Ready));
        Assert.Equal(["web-7d9f-x2x4q", "web-7d9f-kk81z"], view.Split.Rows.Select(r => r.Pod?.PodName));
    }

    [Fact]
    public async Task Watcher_WatchStreamEnds_ListsAgain()
    {
        await WhenAsync(() => _directory.FindService("shop", "web") is not null, () => _watcher!.StartAsync(_stop.Token));
        await _api.WatchOpened("services").WaitAsync(TimeSpan.FromSeconds(15));
        var listsBefore = _api.ListRequests;

        _api.SetList("services", ServiceList.Replace("\"web\"", "\"shop-front\""));
        await WhenAsync(() => _directory.FindService("shop", "shop-front") is not null, () =>
        {
            _api.EndWatch("services");
            return Task.CompletedTask;
        });

        Assert.True(_api.ListRequests > listsBefore);
        Assert.Null(_directory.FindService("shop", "web"));
    }

    /// <summary>Does something, then waits (bounded) for the directory to reach a state, driven by its Changed event.</summary>
    private async Task WhenAsync(Func<bool> condition, Func<Task> action)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                reached.TrySetResult();
            }
        }

        _directory.Changed += Check;
        try
        {
            await action();
            Check();
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            _directory.Changed -= Check;
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_watcher is not null)
        {
            await _watcher.StopAsync(CancellationToken.None);
        }

        await _api.DisposeAsync();
        _stop.Dispose();
    }
}
