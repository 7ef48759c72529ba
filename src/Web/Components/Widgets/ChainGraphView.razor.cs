using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Microsoft.AspNetCore.Components;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Widgets;

/// <summary>Draws a <see cref="ChainGraph"/>; clicking a box reports its group id.</summary>
public sealed partial class ChainGraphView : IDisposable
{
    private readonly BlazorDiagram _diagram = DiagramFactory.Create();
    private ChainGraph? _drawn;

    public ChainGraphView()
    {
        _diagram.RegisterComponent<ChainGroupNodeModel, ChainGroupWidget>();
        _diagram.PointerClick += OnPointerClick;
    }

    [Parameter, EditorRequired]
    public ChainGraph Graph { get; set; } = default!;

    [Parameter]
    public EventCallback<ChainGroup> GroupClicked { get; set; }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_drawn, Graph))
        {
            return;
        }

        _drawn = Graph;
        _diagram.Batch(() =>
        {
            _diagram.Links.Clear();
            _diagram.Nodes.Clear();
            var nodes = new Dictionary<string, ChainGroupNodeModel>(StringComparer.Ordinal);
            foreach (var group in Graph.Groups)
            {
                var position = new Point(20 + (group.Column * (ChainGroupNodeModel.Width + 70)), 20 + (group.Row * (ChainGroupNodeModel.Height + 24)));
                nodes[group.Id] = _diagram.Nodes.Add(new ChainGroupNodeModel(group, position));
            }

            foreach (var edge in Graph.Edges)
            {
                if (edge.From == edge.To || !nodes.TryGetValue(edge.From, out var from) || !nodes.TryGetValue(edge.To, out var to))
                {
                    continue;
                }

                var link = new LinkModel(new ShapeIntersectionAnchor(from), new ShapeIntersectionAnchor(to))
                {
                    TargetMarker = LinkMarker.Arrow,
                    Locked = true,
                };
                link.Labels.Add(new LinkLabelModel(link, edge.Rules == 1 ? "1 rule" : $"{edge.Rules} rules"));
                _diagram.Links.Add(link);
            }
        });
    }

    private void OnPointerClick(Model? model, Blazor.Diagrams.Core.Events.PointerEventArgs args)
    {
        if (model is ChainGroupNodeModel node)
        {
            _ = InvokeAsync(() => GroupClicked.InvokeAsync(node.Chains));
        }
    }

    public void Dispose() => _diagram.PointerClick -= OnPointerClick;
}
