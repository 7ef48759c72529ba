using Microsoft.AspNetCore.Components;
using MudBlazor;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

public sealed partial class Services
{
    private readonly ServicesView _view = new();
    private MudDataGrid<ServiceRow>? _grid;
    private int? _matching;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Filter { get; set; }

    // Live rates once a second are enough here; the grid then fetches only the rows in view.
    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(1);

    protected override void Load()
    {
        if (Source is not null)
        {
            _view.Refresh(Source, Time.GetUtcNow());
        }
    }

    // A new filter (the URL's q) or new totals: the grid asks again for the rows it shows.
    protected override Task OnParametersSetAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    protected override Task OnLoadedAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task<GridData<ServiceRow>> LoadRowsAsync(GridStateVirtualize<ServiceRow> state, CancellationToken cancellation)
    {
        var sorts = state.SortDefinitions
            .OrderBy(s => s.Index)
            .Where(s => s.SortFunc is not null)
            .Select(s => new ServiceRowSort(s.SortFunc!, s.Descending, s.Comparer))
            .ToList();
        var filters = state.FilterDefinitions.Select(f => f.GenerateFilterFunction()).ToList();
        var (rows, total) = _view.Query(Filter, sorts, filters.Count == 0 ? null : row => filters.All(f => f(row)), state.StartIndex, state.Count);
        _matching = total;
        return Task.FromResult(new GridData<ServiceRow> { Items = rows, TotalItems = total });
    }

    private void OnFilterChanged(string? filter) =>
        Navigation.NavigateTo(Links.Services(Import, filter), replace: true);
}
