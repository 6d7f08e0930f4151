using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public class SpeakerRolesTextTests
{
    [Fact]
    public void Pairs_map_labels_to_roles_ignoring_case_and_spaces()
    {
        var roles = SpeakerRolesText.Parse(" Agent = Assistant, caller=user ,Note=system");
        Assert.Equal("assistant", roles["agent"]);
        Assert.Equal("user", roles["CALLER"]);
        Assert.Equal("system", roles["Note"]);
        Assert.Equal("user", SpeakerRolesText.Parse("Dr. A=B=user")["Dr. A=B"]); // the last '=' separates
    }

    [Theory]
    [InlineData("Agent", "'Agent' is not LABEL=ROLE")]
    [InlineData("=user", "'=user' is not LABEL=ROLE")]
    [InlineData("Agent=bot", "'Agent=bot' maps to 'bot'; a role must be system, user or assistant")]
    [InlineData("Agent=assistant,agent=user", "'agent' is mapped twice")]
    [InlineData(" , ", "no LABEL=ROLE pair given")]
    public void Bad_mappings_say_what_is_wrong(string text, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => SpeakerRolesText.Parse(text)).Message);
}
