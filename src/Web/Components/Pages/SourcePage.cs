using Microsoft.AspNetCore.Components;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

/// <summary>
/// What every view page shares: the source named by the URL (live cluster or <c>?import=</c>), a
/// subscription to its changes, and a per-circuit throttle so that counter frames arriving every
/// second from many nodes cause at most a few renders per second.
/// </summary>
public abstract class SourcePage : ComponentBase, IDisposable
{
    /// <summary>Shortest gap between two renders caused by live changes (a few per second at most).</summary>
    protected virtual TimeSpan RefreshInterval => TimeSpan.FromMilliseconds(250);

    private IDisposable? _subscription;
    private IDisposable? _extraSubscription;
    private CallbackThrottler? _throttler;
    private IDashboardSource? _subscribed;

    [Inject]
    protected DashboardSources Sources { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "import")]
    public string? Import { get; set; }

    /// <summary>The shown source; null when the URL names an unknown or expired import.</summary>
    protected IDashboardSource? Source { get; private set; }

    /// <summary>True while live updates are paused by the reader.</summary>
    protected bool Paused { get; set; }

    protected override void OnParametersSet()
    {
        Source = Sources.Resolve(Import);
        // A static render (a prerender, were it turned on) happens once: following changes there
        // would only repeat Load, the whole page's work, while the browser starts its circuit.
        if (RendererInfo.IsInteractive && !ReferenceEquals(_subscribed, Source))
        {
            _subscription?.Dispose();
            _subscription = Source?.Subscribe(Throttler.Signal);
            _subscribed = Source;
        }

        Load();
    }

    private CallbackThrottler Throttler => _throttler ??= new CallbackThrottler(() => InvokeAsync(OnChangedAsync), RefreshInterval, Time);

    /// <summary>
    /// Also reloads (through the same throttle) when something besides the source changes, e.g. the
    /// Kubernetes directory; call once, from <c>OnInitialized</c>. Only an interactive render follows.
    /// </summary>
    protected void AlsoFollow(Func<Action, IDisposable> subscribe)
    {
        if (RendererInfo.IsInteractive && _extraSubscription is null)
        {
            _extraSubscription = subscribe(Throttler.Signal);
        }
    }

    /// <summary>Reads what the page shows from <see cref="Source"/>; called on navigation and after changes.</summary>
    protected abstract void Load();

    /// <summary>Runs after <see cref="Load"/> on a live change, before the render: a grid that fetches its own rows fetches them again here.</summary>
    protected virtual Task OnLoadedAsync() => Task.CompletedTask;

    private async Task OnChangedAsync()
    {
        if (Paused)
        {
            return;
        }

        Load();
        await OnLoadedAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _extraSubscription?.Dispose();
        _throttler?.Dispose();
        GC.SuppressFinalize(this);
    }
}
