using MudBlazor;

namespace AssistantBuilder.Web.Components.Layout;

// Secondary is a muted slate: pages use Color.Secondary for secondary text (descriptions, captions), which a bright accent made loud.
static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3f51b5", Secondary = "#5f6b7c", AppbarBackground = "#283593" },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
