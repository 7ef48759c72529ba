using MudBlazor;

namespace NetView.Web.Components.Layout;

/// <summary>The dashboard's colours: system fonts only (no web fonts are reachable), calm greys, one accent.</summary>
internal static class NetViewTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f6fb3",
            Secondary = "#7b5ea7",
            AppbarBackground = "#1f3b5c",
            Background = "#f6f7f9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8e6",
            Secondary = "#b39ddb",
            AppbarBackground = "#172636",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
