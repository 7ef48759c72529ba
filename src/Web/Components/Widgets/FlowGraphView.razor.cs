using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Microsoft.AspNetCore.Components;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Widgets;

/// <summary>
/// Draws a <see cref="FlowGraph"/>. When only counters changed (same boxes and edges), the existing
/// models are updated in place and refreshed, so live updates do not rebuild the diagram.
/// </summary>
public sealed partial class FlowGraphView : IDisposable
{
    private readonly BlazorDiagram _diagram = DiagramFactory.Create();
    private readonly Dictionary<string, FlowNodeModel> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), LinkModel> _links = [];
    private FlowGraph? _drawn;

    public FlowGraphView()
    {
        _diagram.RegisterComponent<FlowNodeModel, FlowNodeWidget>();
        _diagram.PointerClick += OnPointerClick;
    }

    [Parameter, EditorRequired]
    public FlowGraph Graph { get; set; } = default!;

    [Parameter]
    public EventCallback<FlowNode> NodeClicked { get; set; }

    /// <summary>Rules (<c>table/CHAIN#n</c>) of a traced path; boxes holding one of them are highlighted.</summary>
    [Parameter]
    public IReadOnlySet<string>? Highlight { get; set; }

    private bool IsOnPath(FlowNode node) => Highlight is { Count: > 0 } path && node.Rules.Any(r => path.Contains(r.Rule.Reference));

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_drawn, Graph))
        {
            return;
        }

        var sameShape = _drawn is not null && Graph.Nodes.Count == _nodes.Count && Graph.Edges.Count == _links.Count
            && Graph.Nodes.All(n => _nodes.ContainsKey(n.Id)) && Graph.Edges.All(e => _links.ContainsKey((e.From, e.To)));
        _drawn = Graph;
        var maxRate = Graph.Edges.Max(e => e.Rate) ?? 0;
        if (sameShape)
        {
            foreach (var node in Graph.Nodes)
            {
                _nodes[node.Id].Flow = node;
                _nodes[node.Id].OnPath = IsOnPath(node);
                _nodes[node.Id].Refresh();
            }

            foreach (var edge in Graph.Edges)
            {
                Style(_links[(edge.From, edge.To)], edge, maxRate);
            }

            return;
        }

        _diagram.Batch(() =>
        {
            _diagram.Links.Clear();
            _diagram.Nodes.Clear();
            _nodes.Clear();
            _links.Clear();
            foreach (var node in Graph.Nodes)
            {
                var position = new Point(20 + (node.Column * (FlowNodeModel.Width + 60)), 20 + (node.Row * (FlowNodeModel.Height + 22)));
                _nodes[node.Id] = _diagram.Nodes.Add(new FlowNodeModel(node, position) { OnPath = IsOnPath(node) });
            }

            foreach (var edge in Graph.Edges)
            {
                if (!_nodes.TryGetValue(edge.From, out var from) || !_nodes.TryGetValue(edge.To, out var to) || from == to)
                {
                    continue;
                }

                var link = new LinkModel(new ShapeIntersectionAnchor(from), new ShapeIntersectionAnchor(to))
                {
                    TargetMarker = LinkMarker.Arrow,
                    Locked = true,
                };
                Style(link, edge, maxRate);
                _links[(edge.From, edge.To)] = _diagram.Links.Add(link);
            }
        });
    }

    // Edge width follows the live connection rate, so the busy path stands out.
    private static void Style(LinkModel link, FlowEdge edge, double maxRate)
    {
        link.Width = maxRate > 0 && edge.Rate is { } rate ? 1.5 + (6 * rate / maxRate) : 1.5;
        var text = edge.Rate is { } r ? ShareFormat.Rate(r) : edge.Connections is { } c ? c.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : null;
        if (link.Labels.Count == 0 && text is not null)
        {
            link.Labels.Add(new LinkLabelModel(link, text));
        }
        else if (link.Labels.Count > 0)
        {
            link.Labels[0].Content = text ?? "";
        }

        link.Refresh();
    }

    private void OnPointerClick(Model? model, Blazor.Diagrams.Core.Events.PointerEventArgs args)
    {
        if (model is FlowNodeModel node)
        {
            _ = InvokeAsync(() => NodeClicked.InvokeAsync(node.Flow));
        }
    }

    public void Dispose() => _diagram.PointerClick -= OnPointerClick;
}
