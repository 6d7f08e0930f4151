using AssistantBuilder.Engine.Generation;

namespace AssistantBuilder.Engine.Tests.Generation;

public class StopStringFilterTests
{
    [Fact]
    public void Holds_back_a_possible_stop_string_and_drops_it_when_complete()
    {
        var filter = new StopStringFilter(["\nUser:"]);
        Assert.Equal(("Hello", false), filter.Push("Hello"));
        Assert.Equal(("", false), filter.Push("\nUs"));     // could be the start of "\nUser:"
        Assert.Equal(("", true), filter.Push("er: hi"));    // it was: nothing more is emitted
    }

    [Fact]
    public void Releases_held_text_when_it_turns_out_not_to_be_a_stop()
    {
        var filter = new StopStringFilter(["###"]);
        Assert.Equal(("a", false), filter.Push("a##"));
        Assert.Equal(("##b", false), filter.Push("b"));
        Assert.Equal(("c", false), filter.Push("c#"));
        Assert.Equal("#", filter.Flush());
    }

    [Fact]
    public void The_earliest_of_several_stop_strings_wins_and_text_before_it_is_kept()
    {
        var filter = new StopStringFilter(["END", "STOP"]);
        Assert.Equal(("one two ", true), filter.Push("one two STOP three END"));
    }

    [Fact]
    public void Without_stop_strings_everything_passes_straight_through()
    {
        var filter = new StopStringFilter([]);
        Assert.Equal(("abc", false), filter.Push("abc"));
        Assert.Equal("", filter.Flush());
    }
}
