using Microsoft.AspNetCore.Components;
using MudBlazor;
using NetView.Core.Analysis;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Widgets;

/// <summary>Two donuts (expected, observed), the numbers behind them, and the chi-square verdict with its explanations.</summary>
public sealed partial class SplitPanel
{
    private string[] _labels = [];
    private List<ChartSeries<double>> _expected = [];
    private List<ChartSeries<double>>? _observed;

    [Parameter, EditorRequired]
    public SplitView Split { get; set; } = SplitView.Empty;

    protected override void OnParametersSet()
    {
        _labels = [.. Split.Rows.Select(r => r.Address)];
        _expected = [new ChartSeries<double> { Name = "Expected", Data = Split.Rows.Select(r => r.Expected * 100).ToArray() }];
        _observed = Split.Rows.Any(r => r.Observed > 0)
            ? [new ChartSeries<double> { Name = "Observed", Data = Split.Rows.Select(r => (double)r.Observed).ToArray() }]
            : null;
    }

    private static Severity Severity(SplitVerdict verdict) => verdict.Kind switch
    {
        SplitVerdictKind.SkewedBeyondChance => MudBlazor.Severity.Warning,
        SplitVerdictKind.WithinChance => MudBlazor.Severity.Success,
        _ => MudBlazor.Severity.Info,
    };
}
