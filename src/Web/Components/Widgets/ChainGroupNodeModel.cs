using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using NetView.Web.ViewModels;

namespace NetView.Web.Components.Widgets;

/// <summary>A box of the node graph; its size is fixed here so the diagram needs no DOM measurement per node.</summary>
public sealed class ChainGroupNodeModel : NodeModel
{
    public const double Width = 210;
    public const double Height = 64;

    public ChainGroupNodeModel(ChainGroup group, Point position)
        : base(group.Id, position)
    {
        Chains = group;
        ControlledSize = true;
        Size = new Size(Width, Height);
        Locked = true;
    }

    public ChainGroup Chains { get; }
}
