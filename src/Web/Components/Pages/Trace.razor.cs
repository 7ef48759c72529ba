using Microsoft.AspNetCore.Components;
using MudBlazor;
using NetView.Core.Analysis.Tracing;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

/// <summary>
/// The packet tracer. The form is mirrored in the URL, so a trace is a link one can share; the
/// trace runs when the URL names a destination.
/// </summary>
public sealed partial class Trace
{
    private IReadOnlyList<string> _nodes = [];
    private TraceView? _view;
    private string? _error;
    private string? _tracedUrl;

    private TraceRequest Request { get; } = new();

    [SupplyParameterFromQuery(Name = "node")] public string? NodeParameter { get; set; }
    [SupplyParameterFromQuery(Name = "src")] public string? SourceParameter { get; set; }
    [SupplyParameterFromQuery(Name = "dst")] public string? DestinationParameter { get; set; }
    [SupplyParameterFromQuery(Name = "dport")] public string? DestinationPortParameter { get; set; }
    [SupplyParameterFromQuery(Name = "sport")] public string? SourcePortParameter { get; set; }
    [SupplyParameterFromQuery(Name = "proto")] public string? ProtocolParameter { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? OriginParameter { get; set; }
    [SupplyParameterFromQuery(Name = "nodeip")] public string? NodeAddressesParameter { get; set; }

    protected override void OnParametersSet()
    {
        Request.Node = NodeParameter ?? Request.Node;
        Request.Source = SourceParameter ?? Request.Source;
        Request.Destination = DestinationParameter ?? Request.Destination;
        Request.DestinationPort = DestinationPortParameter ?? Request.DestinationPort;
        Request.SourcePort = SourcePortParameter ?? Request.SourcePort;
        Request.Protocol = ProtocolParameter ?? Request.Protocol;
        Request.NodeAddresses = NodeAddressesParameter ?? Request.NodeAddresses;
        if (Enum.TryParse<PacketOrigin>(OriginParameter, ignoreCase: true, out var origin))
        {
            Request.Origin = origin;
        }

        base.OnParametersSet();
    }

    protected override void Load()
    {
        _nodes = Source?.Nodes().Select(n => n.Name).ToArray() ?? [];
        Request.Node ??= _nodes.FirstOrDefault();

        // Counter updates re-run Load; the trace itself depends only on the rules, so run it once per URL.
        var url = Navigation.Uri;
        if (DestinationParameter is null || url == _tracedUrl)
        {
            return;
        }

        _tracedUrl = url;
        Run();
    }

    private void Submit() => Navigation.NavigateTo(Links.Trace(Request, Import));

    private void Run()
    {
        _view = null;
        if (!Request.TryBuild(out var packet, out var error))
        {
            _error = error;
            return;
        }

        if (Request.Node is null || Source?.Node(Request.Node) is not { } node)
        {
            _error = Request.Node is null ? "there is no node to trace on yet" : $"no node named '{Request.Node}'";
            return;
        }

        _view = TraceView.Run(node, packet, out var traceError);
        _error = traceError;
    }

    private static Color VerdictColor(string verdict) => verdict switch
    {
        "DNAT" or "ACCEPT" or "RETURN-TO-POLICY" => Color.Success,
        "DROP" or "REJECT" => Color.Error,
        _ => Color.Default,
    };
}
