using Microsoft.AspNetCore.Components;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

public sealed partial class Services
{
    private readonly ServicesView _view = new();

    [SupplyParameterFromQuery(Name = "q")]
    public string? Filter { get; set; }

    // Ten thousand rows re-sorted four times a second is wasted work; once a second is live enough here.
    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(1);

    protected override void Load()
    {
        if (Source is not null)
        {
            _view.Refresh(Source, Time.GetUtcNow());
        }
    }

    private bool QuickFilter(ServiceRow row) => ServiceFilter.Matches(row.Service, Filter);

    private void OnFilterChanged(string? filter) =>
        Navigation.NavigateTo(Links.Services(Import, filter), replace: true);
}
