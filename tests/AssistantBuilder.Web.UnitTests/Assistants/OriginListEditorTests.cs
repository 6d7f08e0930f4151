using AssistantBuilder.Web.Components.Assistants;

namespace AssistantBuilder.Web.UnitTests.Assistants;

/// <summary>The allowed-origins editor: checks and normalises what is typed, refuses duplicates, removes on close.</summary>
public sealed class OriginListEditorTests : MudTestContext
{
    List<string> _origins = ["https://shop.example.com"];

    IRenderedComponent<OriginListEditor> RenderEditor() =>
        Context.Render<OriginListEditor>(p => p.Add(e => e.Origins, _origins).Add(e => e.OriginsChanged, o => _origins = o));

    static void Type(IRenderedComponent<OriginListEditor> cut, string text)
    {
        cut.Find(".origin-input input").Input(text);
        cut.Find(".add-origin").Click();
    }

    [Fact]
    public void A_valid_origin_is_added_normalised()
    {
        var cut = RenderEditor();
        Type(cut, "HTTP://LocalHost:5173/");
        Assert.Equal(["https://shop.example.com", "http://localhost:5173"], _origins);
    }

    [Theory]
    [InlineData("https://shop.example.com/chat", "more than an origin")]
    [InlineData("shop.example.com", "not an absolute http(s) origin")]
    [InlineData("HTTPS://Shop.Example.com:443", "already in the list")]
    public void Bad_or_duplicate_origins_show_why_and_change_nothing(string text, string message)
    {
        var cut = RenderEditor();
        Type(cut, text);
        Assert.Contains(message, cut.Markup);
        Assert.Equal(["https://shop.example.com"], _origins);
    }

    [Fact]
    public void Closing_a_chip_removes_the_origin_and_an_empty_list_says_so()
    {
        var cut = RenderEditor();
        cut.Find(".mud-chip-close-button").Click();
        Assert.Empty(_origins);
        cut.Render(p => p.Add(e => e.Origins, _origins));
        Assert.NotNull(cut.Find(".no-origins"));
    }
}
