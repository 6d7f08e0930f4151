using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Web.Components.Assistants;

namespace AssistantBuilder.Web.UnitTests.Assistants;

/// <summary>The versions table: which version is live, what a rollback would promote, and which buttons are enabled.</summary>
public sealed class VersionsTableTests : MudTestContext
{
    static List<AdapterVersionView> Versions(int? live) =>
        Enumerable.Range(1, 3).Reverse().Select(n => new AdapterVersionView(Guid.NewGuid(), n, Guid.NewGuid(), $"job {n}", $"jobs/{n}", "", DateTime.UtcNow, n == live)).ToList();

    static bool Disabled(IRenderedComponent<VersionsTable> cut, string selector) => cut.Find(selector).HasAttribute("disabled");

    [Fact]
    public void The_live_version_is_marked_and_rollback_offers_the_one_below_it()
    {
        var cut = Context.Render<VersionsTable>(p => p.Add(t => t.Versions, Versions(live: 3)));
        Assert.Contains("Serving version 3", cut.Find(".live-summary").TextContent);
        Assert.Single(cut.FindAll(".live-chip"));
        Assert.Contains("Roll back to v2", cut.Find(".rollback").TextContent);
        Assert.False(Disabled(cut, ".rollback"));
        Assert.True(Disabled(cut, ".promote-v3"));
        Assert.False(Disabled(cut, ".promote-v1"));
        Assert.False(Disabled(cut, ".unpromote"));
    }

    [Fact]
    public void With_the_oldest_live_or_none_there_is_nothing_to_roll_back_to()
    {
        var oldest = Context.Render<VersionsTable>(p => p.Add(t => t.Versions, Versions(live: 1)));
        Assert.True(Disabled(oldest, ".rollback"));

        var none = Context.Render<VersionsTable>(p => p.Add(t => t.Versions, Versions(live: null)));
        Assert.Contains("base model alone", none.Find(".live-summary").TextContent);
        Assert.True(Disabled(none, ".rollback"));
        Assert.True(Disabled(none, ".unpromote"));
        Assert.Empty(none.FindAll(".live-chip"));
    }

    [Fact]
    public void Buttons_raise_the_events_with_the_version_and_are_off_while_busy()
    {
        var versions = Versions(live: 2);
        AdapterVersionView? promoted = null;
        int rollbacks = 0;
        var cut = Context.Render<VersionsTable>(p => p.Add(t => t.Versions, versions)
            .Add(t => t.OnPromote, v => promoted = v).Add(t => t.OnRollback, () => rollbacks++));
        cut.Find(".promote-v3").Click();
        Assert.Equal(3, promoted!.Number);
        cut.Find(".rollback").Click();
        Assert.Equal(1, rollbacks);

        cut.Render(p => p.Add(t => t.Busy, true));
        Assert.True(Disabled(cut, ".promote-v3") && Disabled(cut, ".rollback") && Disabled(cut, ".unpromote"));
    }
}
