using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Widgets;

/// <summary>A box of a service's flow graph, sized here (ControlledSize) so no DOM measurement is needed.</summary>
public sealed class FlowNodeModel : NodeModel
{
    public const double Width = 190;
    public const double Height = 86;

    public FlowNodeModel(FlowNode flow, Point position)
        : base(flow.Id, position)
    {
        Flow = flow;
        ControlledSize = true;
        Size = new Size(Width, Height);
        Locked = true;
    }

    public FlowNode Flow { get; set; }

    /// <summary>True when one of the box's rules is on the traced path the page was opened with.</summary>
    public bool OnPath { get; set; }
}
