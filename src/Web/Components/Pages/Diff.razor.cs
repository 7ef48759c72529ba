using Microsoft.AspNetCore.Components;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

/// <summary>Compares two pasted dumps; all logic is in <see cref="DumpComparison"/>.</summary>
public sealed partial class Diff
{
    private string? _old;
    private string? _new;
    private DumpComparison? _result;

    [Inject]
    private DumpImporter Importer { get; set; } = default!;

    private void Compare() => _result = DumpComparison.Compare(_old, _new, Importer.MaxBytes);
}
