using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

public sealed partial class Import
{
    private string? _text;
    private string? _error;
    private int? _errorLine;
    private bool _busy;

    [Inject]
    private DumpImporter Importer { get; set; } = default!;

    protected override void Load()
    {
    }

    private void AnalysePasted()
    {
        if (string.IsNullOrWhiteSpace(_text))
        {
            Show(ImportOutcome.Refused("Paste a dump first, or choose a file."));
            return;
        }

        Show(Importer.Import("pasted text", _text));
    }

    private async Task UploadAsync(InputFileChangeEventArgs args)
    {
        var file = args.File;
        if (file.Size > Importer.MaxBytes)
        {
            Show(Importer.TooBig(file.Size));
            return;
        }

        _busy = true;
        try
        {
            using var buffer = new MemoryStream((int)file.Size);
            await using (var stream = file.OpenReadStream(Importer.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            Show(Importer.Import(file.Name, buffer.ToArray()));
        }
        catch (IOException exception)
        {
            Show(ImportOutcome.Refused("The upload failed: " + exception.Message));
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(ImportOutcome outcome)
    {
        _error = outcome.Error;
        _errorLine = outcome.Line;
        if (outcome.Dump is { } dump)
        {
            Navigation.NavigateTo("/import?import=" + dump.ImportId);
        }
    }
}
