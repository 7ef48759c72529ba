using Blazor.Diagrams;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;

namespace NetView.Web.Components.Widgets;

/// <summary>The diagram settings both graphs share: read-only boxes, zoom and pan, straight arrows, no ports.</summary>
internal static class DiagramFactory
{
    public static BlazorDiagram Create()
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = false,
            AllowPanning = true,
            Zoom = { Enabled = true, Inverse = false },
            Links =
            {
                DefaultRouter = new NormalRouter(),
                DefaultPathGenerator = new SmoothPathGenerator(),
            },
        };
        return new BlazorDiagram(options);
    }
}
