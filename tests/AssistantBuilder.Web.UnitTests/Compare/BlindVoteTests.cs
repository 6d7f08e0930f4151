using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Web.Compare;
using AssistantBuilder.Web.Components.Compare;
using AssistantBuilder.Web.UnitTests.Assistants;

namespace AssistantBuilder.Web.UnitTests.Compare;

/// <summary>The blind side-by-side flow: names hidden until the vote, the vote stored with the order shown, names revealed after.</summary>
public sealed class BlindVoteTests : MudTestContext
{
    const string Tuned = "Brightwave v2 (fine-tuned)", Prompted = "default prompted (3-shot)";
    readonly FakeVotes _votes = new();
    readonly Guid _assistant = Guid.NewGuid();

    CompareSession Session(bool blind, bool finished = true)
    {
        var session = new CompareSession(null!, _votes); // the lineup is not needed: columns are loaded directly
        var a = new CompareColumn("A", Tuned, "FineTuned");
        var b = new CompareColumn("B", Prompted, "Prompted");
        a.Append("Fiber 100 costs €29.99 a month.");
        b.Append("I am not sure.");
        session.Load(_assistant, "How much is Fiber 100?", [a, b], blind);
        a.Finish(new AnswerStats(120, 900, 40, 12, 0));
        if (finished) b.Finish(new AnswerStats(150, 1100, 200, 6, 3));
        return session;
    }

    [Fact]
    public void Names_are_hidden_until_the_vote_then_revealed_and_the_vote_is_stored()
    {
        var session = Session(blind: true);
        var cut = Context.Render<CompareColumns>(p => p.Add(c => c.Session, session));

        Assert.DoesNotContain(Tuned, cut.Markup);
        Assert.DoesNotContain(Prompted, cut.Markup);
        Assert.Contains("Answer A", cut.Markup);
        Assert.Contains("Answer B", cut.Markup);
        Assert.Contains("Fiber 100 costs €29.99 a month.", cut.Markup);
        Assert.Contains("12 answer tokens", cut.Markup);
        Assert.Empty(_votes.Recorded);

        cut.FindAll(".vote-button").Single(b => b.TextContent.Trim() == "B").Click();

        var vote = Assert.Single(_votes.Recorded);
        Assert.Equal((_assistant, "How much is Fiber 100?", "B"), (vote.AssistantId, vote.Question, vote.Choice));
        Assert.Equal(["FineTuned", "Prompted"], vote.Order);
        cut.WaitForAssertion(() =>
        {
            Assert.Contains(Tuned, cut.Markup);
            Assert.Contains(Prompted, cut.Markup);
            Assert.Contains($"Vote recorded: B ({Prompted})", cut.Markup);
        });
        Assert.Empty(cut.FindAll(".vote-button")); // one vote per question
        Assert.Equal("B", session.Vote);
    }

    [Fact]
    public void A_tie_is_a_vote_too()
    {
        var session = Session(blind: true);
        var cut = Context.Render<CompareColumns>(p => p.Add(c => c.Session, session));
        cut.FindAll(".vote-button").Single(b => b.TextContent.Trim() == "Tie").Click();
        Assert.Equal(VoteChoices.Tie, Assert.Single(_votes.Recorded).Choice);
        cut.WaitForAssertion(() => Assert.Contains("Vote recorded: a tie", cut.Markup));
    }

    [Fact]
    public void No_vote_while_an_answer_is_still_streaming_and_open_mode_shows_names_at_once()
    {
        var streaming = Context.Render<CompareColumns>(p => p.Add(c => c.Session, Session(blind: true, finished: false)));
        Assert.Empty(streaming.FindAll(".vote-button"));
        Assert.DoesNotContain(Prompted, streaming.Markup);

        var open = Context.Render<CompareColumns>(p => p.Add(c => c.Session, Session(blind: false)));
        Assert.Contains(Tuned, open.Markup);
        Assert.Contains(Prompted, open.Markup);
        Assert.Empty(open.FindAll(".vote-button"));
    }

    [Fact]
    public void Win_rates_show_the_wilson_interval()
    {
        var cut = Context.Render<WinRatesTable>(p => p.Add(c => c.Summary, new VoteSummary(_assistant, null, 10, 1, 1,
            [new WinRate("FineTuned", 8, 10, 0.8, 0.490162, 0.943318)])));
        Assert.Contains("8 / 10", cut.Markup);
        Assert.Contains("80", cut.Markup);
        Assert.Contains("49", cut.Markup);
        Assert.Contains("94", cut.Markup);
    }
}
