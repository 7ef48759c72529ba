using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

public sealed partial class Overview
{
    private ClusterOverview _overview = ClusterOverview.Empty;

    protected override void Load() => _overview = Source is null ? ClusterOverview.Empty : ClusterOverview.Of(Source);
}
