using MudBlazor;

namespace AssistantBuilder.Web.Components.Layout;

static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3f51b5", Secondary = "#00897b", AppbarBackground = "#283593" },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
