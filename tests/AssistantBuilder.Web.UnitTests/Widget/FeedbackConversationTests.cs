using AssistantBuilder.Web.Conversations;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.UnitTests.Widget;

/// <summary>Which part of a stored conversation the feedback dataset keeps.</summary>
public sealed class FeedbackConversationTests
{
    static List<StoredMessage> Chat(params (string Role, string Text, int? Rating, string? Correction, bool Truncated)[] turns) =>
        turns.Select((t, i) => new StoredMessage { Index = i, Role = t.Role, Content = t.Text, Rating = t.Rating, Correction = t.Correction, Truncated = t.Truncated }).ToList();

    static string[]? Kept(List<StoredMessage> messages) => FeedbackConversation.Select(messages)?.Select(m => $"{m.Role}: {m.Content}").ToArray();

    [Fact]
    public void Unrated_answers_before_a_good_one_stay_as_context_and_those_after_the_last_good_one_go()
    {
        var chat = Chat(("user", "q1", null, null, false), ("assistant", "a1", null, null, false), ("user", "q2", null, null, false),
            ("assistant", "a2", 1, null, false), ("user", "q3", null, null, false), ("assistant", "a3", null, null, false));
        Assert.Equal(["user: q1", "assistant: a1", "user: q2", "assistant: a2"], Kept(chat)!);
    }

    [Fact]
    public void A_correction_replaces_its_answer_even_when_rated_down()
    {
        var chat = Chat(("user", "q", null, null, false), ("assistant", "wrong", -1, "right", false));
        Assert.Equal(["user: q", "assistant: right"], Kept(chat)!);
        Assert.True(FeedbackConversation.Select(chat)![1].Corrected);
    }

    [Fact]
    public void A_thumbs_down_or_a_stopped_answer_without_a_correction_ends_the_conversation_there()
    {
        var down = Chat(("user", "q1", null, null, false), ("assistant", "good", 1, null, false), ("user", "q2", null, null, false),
            ("assistant", "bad", -1, null, false), ("user", "q3", null, null, false), ("assistant", "fine", 1, null, false));
        Assert.Equal(["user: q1", "assistant: good"], Kept(down)!);

        var stopped = Chat(("user", "q", null, null, false), ("assistant", "hal", 1, null, true));
        Assert.Null(Kept(stopped));
    }

    [Fact]
    public void Nothing_vouched_for_gives_nothing()
    {
        Assert.Null(Kept(Chat(("user", "q", null, null, false), ("assistant", "a", null, null, false))));
        Assert.Null(Kept(Chat(("user", "q", null, null, false), ("assistant", "a", -1, null, false))));
    }
}
