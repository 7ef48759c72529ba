using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Charts;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Widgets;

/// <summary>The live load-balancing view: one time series per endpoint of new connections per second.</summary>
public sealed partial class EndpointRatesChart
{
    private readonly TimeSeriesChartOptions _options = new() { TimeLabelFormat = "HH:mm:ss", TimeLabelSpacing = TimeSpan.FromSeconds(10) };
    private List<ChartSeries<double>> _series = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<EndpointSeriesView> Series { get; set; } = [];

    [Parameter]
    public bool Paused { get; set; }

    protected override void OnParametersSet() =>
        _series = [.. Series.Where(s => s.Points.Count > 0).Select(s => new ChartSeries<double>
        {
            Name = s.Address,
            Data = s.Points.Select(p => new TimeValue<double>(p.At.UtcDateTime, p.PerSecond)).ToArray(),
        })];
}
