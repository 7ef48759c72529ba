using Microsoft.AspNetCore.Components;
using NetView.Web.Kubernetes;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Layout;

public sealed partial class GlobalSearch
{
    [Inject]
    private DashboardSources Sources { get; set; } = default!;

    [Inject]
    private ClusterDirectory Directory { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private Task<IEnumerable<SearchHit>> SearchAsync(string? text, CancellationToken cancellation) =>
        Task.FromResult<IEnumerable<SearchHit>>(SearchIndex.Find(Sources.Live, text ?? "", 20, Directory.FindEndpoint));

    private void Go(SearchHit? hit)
    {
        if (hit is not null)
        {
            Navigation.NavigateTo(hit.Href);
        }
    }
}
