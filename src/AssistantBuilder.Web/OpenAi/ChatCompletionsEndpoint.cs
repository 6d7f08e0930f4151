using System.Text;
using System.Text.Json;
using AssistantBuilder.Core.Serving;
using AssistantBuilder.Web.Serving;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>
/// <c>POST /v1/chat/completions</c>: one answer from an assistant, whole (<c>stream: false</c>) or as server-sent
/// chat.completion.chunk events ending with <c>data: [DONE]</c>. A client that disconnects cancels the generation.
/// Each exchange is stored as a conversation on the "api" channel.
/// </summary>
public static class ChatCompletionsEndpoint
{
    public static async Task HandleAsync(HttpContext http, AssistantModels models, AssistantChats chats, ConversationRecorder recorder,
        ILoggerFactory loggers)
    {
        var ct = http.RequestAborted;
        try
        {
            var request = Parse(await ReadAsync(http.Request, ct));
            var id = await models.ResolveAsync(request.Model, ct)
                ?? throw new OpenAiRequestException($"The model '{request.Model}' does not exist: use an assistant's name or id from GET /v1/models.",
                    "model", "model_not_found", StatusCodes.Status404NotFound);
            var served = await chats.FindAsync(id, ct)
                ?? throw new OpenAiRequestException($"The model '{request.Model}' does not exist.", "model", "model_not_found", StatusCodes.Status404NotFound);
            await AnswerAsync(http, request, served, recorder, ct);
        }
        catch (OpenAiRequestException ex) when (!http.Response.HasStarted)
        {
            await WriteErrorAsync(http, ex.Status, ex.ToError());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { } // the client went away
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            loggers.CreateLogger(typeof(ChatCompletionsEndpoint)).LogError(ex, "Chat completion failed");
            await WriteErrorAsync(http, StatusCodes.Status500InternalServerError, OpenAiError.Of($"The server failed to answer: {ex.Message}", type: "server_error"));
        }
        catch (Exception ex) when (http.Response.HasStarted)
        {
            // Mid-stream: the status is sent already, so the error goes out as an event (OpenAI's clients raise it).
            loggers.CreateLogger(typeof(ChatCompletionsEndpoint)).LogError(ex, "Chat completion failed while streaming");
            await ServerSentEvents.SendErrorAsync(http, OpenAiError.Of($"The server failed while answering: {ex.Message}", type: "server_error"));
        }
    }

    static async Task AnswerAsync(HttpContext http, ParsedChatRequest request, ServedAssistant served, ConversationRecorder recorder, CancellationToken ct)
    {
        string id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await using var updates = served.Client.GetStreamingResponseAsync(request.Messages, request.Options, ct).GetAsyncEnumerator(ct);
        bool more;
        try { more = await updates.MoveNextAsync(); } // the prompt is checked here, before any byte of the answer is sent
        catch (ChatRequestException ex)
        {
            bool tooLong = ex.Message.Contains("tokens long", StringComparison.Ordinal);
            throw new OpenAiRequestException(ex.Message, tooLong ? "messages" : null, tooLong ? "context_length_exceeded" : null);
        }

        var sse = request.Stream ? await ServerSentEvents.StartAsync(http) : null;
        var text = new StringBuilder();
        string finish = "stop";
        UsageDetails? usage = null;
        bool completed = false;
        try
        {
            if (sse is not null) await sse.SendAsync(Chunk(id, created, request.Model, new ChunkDelta("assistant", ""), null), ct);
            for (; more; more = await updates.MoveNextAsync())
            {
                var update = updates.Current;
                if (update.Text is { Length: > 0 } piece)
                {
                    text.Append(piece);
                    if (sse is not null) await sse.SendAsync(Chunk(id, created, request.Model, new ChunkDelta(Content: piece), null), ct);
                }
                if (update.FinishReason is { } reason) finish = reason == ChatFinishReason.Length ? "length" : "stop";
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            }
            completed = true;
            // The stream ends (finish reason, usage, [DONE]) before the exchange is stored: a client reading up to
            // [DONE] does not wait for the database; one reading to the end of the body still sees it stored.
            if (sse is not null)
            {
                await sse.SendAsync(Chunk(id, created, request.Model, new ChunkDelta(), finish), ct);
                if (request.IncludeUsage) await sse.SendAsync(new ChatCompletionChunk(id, created, request.Model, [], Counts(usage)), ct);
                await sse.SendDoneAsync(ct);
            }
        }
        finally
        {
            await StoreAsync(recorder, served, request, text.ToString(), usage, truncated: !completed || finish == "length");
        }

        if (sse is null)
            await http.Response.WriteAsJsonAsync(new ChatCompletion(id, created, request.Model,
                [new ChatChoice(0, new ChatMessageOutput("assistant", text.ToString()), finish)], Counts(usage)), OpenAiJson.Options, ct);
    }

    static Usage Counts(UsageDetails? usage) =>
        new((int)(usage?.InputTokenCount ?? 0), (int)(usage?.OutputTokenCount ?? 0), (int)(usage?.TotalTokenCount ?? 0));

    static ChatCompletionChunk Chunk(string id, long created, string model, ChunkDelta delta, string? finish) =>
        new(id, created, model, [new ChunkChoice(0, delta, finish)]);

    static async Task StoreAsync(ConversationRecorder recorder, ServedAssistant served, ParsedChatRequest request, string answer, UsageDetails? usage, bool truncated)
    {
        var messages = request.Messages.Select(m => new RecordedMessage(m.Role.Value, m.Text)).ToList();
        messages.Add(new RecordedMessage("assistant", answer, (int)(usage?.OutputTokenCount ?? 0), truncated));
        // Not the request's token: an answer cut off by a disconnecting client is stored too.
        await recorder.SaveAsync(null, served.Assistant.Id, served.Version?.Id, "api", null, messages, CancellationToken.None);
    }

    static async Task<ChatCompletionRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            throw new OpenAiRequestException("The body must be JSON (Content-Type: application/json).");
        try
        {
            return await JsonSerializer.DeserializeAsync<ChatCompletionRequest>(request.Body, OpenAiJson.Options, ct)
                ?? throw new OpenAiRequestException("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            string? param = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            throw new OpenAiRequestException($"The JSON body could not be read{(param is null ? "" : $" at '{param}'")}: {ex.Message}", param);
        }
    }

    static ParsedChatRequest Parse(ChatCompletionRequest body) => ChatRequestParser.Parse(body);

    public static Task WriteErrorAsync(HttpContext http, int status, OpenAiError error)
    {
        http.Response.StatusCode = status;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        return http.Response.WriteAsJsonAsync(error, OpenAiJson.Options);
    }
}
