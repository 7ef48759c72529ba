using Microsoft.AspNetCore.Components;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

/// <summary>
/// <c>/s/{id}</c>: a shared snapshot's landing page. The id becomes the page's source id, so the
/// views it links to (overview, services, service, node) show the same frozen snapshot.
/// </summary>
public sealed partial class SnapshotPage
{
    private IReadOnlyList<ServiceSummary> _services = [];

    [Parameter]
    public string Id { get; set; } = "";

    protected override void OnParametersSet()
    {
        Import = Id;
        base.OnParametersSet();
    }

    protected override void Load() => _services = Source is SharedSnapshot snapshot ? snapshot.Services() : [];
}
