using Microsoft.AspNetCore.Components;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Layout;

public sealed partial class NavMenu : IDisposable
{
    private IReadOnlyList<NodeSummary> _nodes = [];
    private IDisposable? _subscription;
    private CallbackThrottler? _throttler;

    [Inject]
    private DashboardSources Sources { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnInitialized()
    {
        _nodes = Sources.Live.Nodes();
        _throttler = new CallbackThrottler(() => InvokeAsync(Refresh), TimeSpan.FromSeconds(1), Time);
        _subscription = Sources.Live.Subscribe(_throttler.Signal);
    }

    private void Refresh()
    {
        var nodes = Sources.Live.Nodes();
        if (!nodes.Select(n => n.Name).SequenceEqual(_nodes.Select(n => n.Name)))
        {
            _nodes = nodes;
            StateHasChanged();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttler?.Dispose();
    }
}
