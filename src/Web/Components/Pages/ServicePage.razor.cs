using Microsoft.AspNetCore.Components;
using NetView.Web.Kubernetes;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

public sealed partial class ServicePage
{
    private static readonly int[] Windows = [30, 60, 300, 900, 3600];
    private readonly ServiceView _view;
    private string _name = "";
    private string? _selected;

    public ServicePage()
    {
        _view = new ServiceView(PodOf);
    }

    /// <summary>Pods behind endpoint addresses, from the Kubernetes API (or the demo); empty when neither feeds it.</summary>
    [Inject]
    private ClusterDirectory Directory { get; set; } = default!;

    [Parameter]
    public string Namespace { get; set; } = "";

    [Parameter]
    public string ServiceName { get; set; } = "";

    [Parameter]
    public string Port { get; set; } = "";

    [SupplyParameterFromQuery(Name = "node")]
    public string? NodeName { get; set; }

    /// <summary>A traced path (<c>table/CHAIN#n</c>, comma-separated) to highlight on the flow graph.</summary>
    [SupplyParameterFromQuery(Name = "path")]
    public string? TracePath { get; set; }

    private IReadOnlySet<string>? Highlight => TracePath is null ? null : TracePath.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    [SupplyParameterFromQuery(Name = "window")]
    public int? WindowSeconds { get; set; }

    protected override void OnInitialized() => AlsoFollow(Directory.Subscribe);

    // The directory describes the live cluster; an imported dump may come from any other one.
    private PodEndpoint? PodOf(string address) => Source is { ImportId: null } ? Directory.FindEndpoint(address) : null;

    protected override void Load()
    {
        _name = ServiceView.Name(Namespace, ServiceName, Links.PortName(Port));
        if (Source is not null)
        {
            var window = TimeSpan.FromSeconds(Math.Clamp(WindowSeconds ?? 60, 10, 24 * 3600));
            _view.Refresh(Source, _name, NodeName, window);
        }
    }

    private void OnFlowNodeClicked(FlowNode node) => _selected = node.Id;

    private void OnNodeChanged(string node) =>
        Navigation.NavigateTo(Links.Service(Namespace, ServiceName, Links.PortName(Port), Import, node, WindowSeconds));

    private void OnWindowChanged(int seconds) =>
        Navigation.NavigateTo(Links.Service(Namespace, ServiceName, Links.PortName(Port), Import, NodeName, seconds));

    private void TogglePause()
    {
        Paused = !Paused;
        if (!Paused)
        {
            Load();
        }
    }
}
