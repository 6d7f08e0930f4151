using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantBuilder.Web.Conversations;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.FunctionalTests.Widget;

/// <summary>Operators read stored conversations, correct answers, and turn ratings + corrections into a dataset.</summary>
public sealed class FeedbackLoopTests(WidgetApp app) : FeedbackLoopTests<WidgetApp>(app);

/// <summary>The conversations feedback-loop tests on the database of <typeparamref name="TApp"/> (SQLite, or PostgreSQL in <c>FeedbackLoopPostgresTests</c>).</summary>
public abstract class FeedbackLoopTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : WidgetApp
{
    static StoredMessage User(string text) => new() { Role = "user", Content = text };
    static StoredMessage Answer(string text, int? rating = null, bool truncated = false) => new() { Role = "assistant", Content = text, Rating = rating, Truncated = truncated };

    async Task<Guid> ConversationAsync(Guid assistantId, params StoredMessage[] messages)
    {
        await using var db = app.CreateDb();
        var c = new StoredConversation { AssistantId = assistantId, Channel = "widget", Origin = WidgetApp.Shop };
        for (int i = 0; i < messages.Length; i++) messages[i].Index = i;
        c.Messages.AddRange(messages);
        db.Conversations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    [Fact]
    public async Task Rated_up_answers_and_corrections_become_a_dataset_and_thumbs_down_without_a_correction_are_dropped()
    {
        var (assistant, _) = await app.AssistantAsync(systemPrompt: "You help shop customers.");
        var (other, _) = await app.AssistantAsync();
        var client = await app.OperatorAsync();
        var liked = await ConversationAsync(assistant.Id, User("q1"), Answer("a1", 1), User("q2"), Answer("a2 unrated"));
        var corrected = await ConversationAsync(assistant.Id, User("refund?"), Answer("no idea", -1), User("thanks"), Answer("welcome", 1));
        await ConversationAsync(assistant.Id, User("x"), Answer("bad", -1));
        var mixed = await ConversationAsync(assistant.Id, User("m1"), Answer("good", 1), User("m2"), Answer("wrong", -1), User("m3"), Answer("fine", 1));
        await ConversationAsync(assistant.Id, User("stop"), Answer("half", 1, truncated: true));
        await ConversationAsync(other.Id, User("elsewhere"), Answer("other assistant", 1));

        var list = await client.GetFromJsonAsync<List<ConversationSummary>>($"/api/assistants/{assistant.Id}/conversations");
        Assert.Equal(5, list!.Count);
        Assert.Equal((4, 1, 1, 0), list.Where(c => c.Id == corrected).Select(c => (c.Messages, c.ThumbsUp, c.ThumbsDown, c.Corrections)).Single());

        var put = await client.PutAsJsonAsync($"/api/conversations/{corrected}/messages/1/correction", new { correction = "  Refunds take 5 days.  " });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Refunds take 5 days.", (await put.Content.ReadFromJsonAsync<MessageView>())!.Correction);
        var detail = await client.GetFromJsonAsync<ConversationDetail>($"/api/conversations/{corrected}");
        Assert.Equal(("refund?", "no idea", "Refunds take 5 days."), (detail!.Messages[0].Content, detail.Messages[1].Content, detail.Messages[1].Correction));
        Assert.Equal(assistant.Name, detail.AssistantName);

        var response = await client.PostAsync($"/api/assistants/{assistant.Id}/feedback-dataset", null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<FeedbackDatasetResult>())!;
        Assert.Equal((3, 1), (result.ConversationsUsed, result.CorrectionsUsed));
        Assert.Equal(3, result.Dataset.Conversations);
        Assert.Equal("openai", result.Dataset.Format);
        Assert.Equal($"{assistant.Name} feedback {DateTime.UtcNow:yyyy-MM-dd}", result.Dataset.Name);
        Assert.Equal($"/jobs/new?datasetId={result.Dataset.Id}", result.FineTuneUrl);

        await using var db = app.CreateDb();
        var row = db.Datasets.Single(d => d.Id == result.Dataset.Id);
        var lines = File.ReadAllLines(Path.Combine(app.DataDir, row.StoredFile)).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => $"{m.GetProperty("role").GetString()}: {m.GetProperty("content").GetString()}").ToList())
            .ToList();
        const string system = "system: You help shop customers.";
        Assert.Equal(
        [
            [system, "user: q1", "assistant: a1"],
            [system, "user: refund?", "assistant: Refunds take 5 days.", "user: thanks", "assistant: welcome"],
            [system, "user: m1", "assistant: good"],
        ], lines);

        // The fine-tune page offers the new dataset.
        var page = await client.GetStringAsync(result.FineTuneUrl);
        Assert.Contains(result.Dataset.Name, page);
    }

    [Fact]
    public async Task Without_any_rating_the_feedback_dataset_is_refused_and_bad_requests_say_what_is_wrong()
    {
        var (assistant, _) = await app.AssistantAsync();
        var client = await app.OperatorAsync();
        var id = await ConversationAsync(assistant.Id, User("hi"), Answer("hello"));

        var none = await client.PostAsync($"/api/assistants/{assistant.Id}/feedback-dataset", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("no answer rated up or corrected", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/assistants/{Guid.NewGuid()}/feedback-dataset", null)).StatusCode);

        var user = await client.PutAsJsonAsync($"/api/conversations/{id}/messages/0/correction", new { correction = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, user.StatusCode);
        Assert.Contains("user message", await user.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/conversations/{id}/messages/7/correction", new { correction = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/conversations/{Guid.NewGuid()}")).StatusCode);

        // An empty correction removes it.
        await client.PutAsJsonAsync($"/api/conversations/{id}/messages/1/correction", new { correction = "better" });
        var cleared = await client.PutAsJsonAsync($"/api/conversations/{id}/messages/1/correction", new { correction = "" });
        Assert.Null((await cleared.Content.ReadFromJsonAsync<MessageView>())!.Correction);
    }
}
