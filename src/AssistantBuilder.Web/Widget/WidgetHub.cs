using System.Runtime.CompilerServices;
using System.Text;
using AssistantBuilder.Core.Serving;
using AssistantBuilder.Web.Conversations;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Serving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Widget;

/// <summary>
/// The embeddable widget's hub. Anonymous, but every call presents a live widget key and comes from an origin on the
/// assistant's allow-list (<see cref="WidgetGate"/>); SendMessage is rate limited per key and per IP
/// (<see cref="WidgetRateLimitFilter"/>). Conversations are stored, so a reconnect resumes them.
/// </summary>
[AllowAnonymous]
public sealed class WidgetHub(WidgetGate gate, ConversationStore conversations, AssistantChats chats, ConversationLocks locks,
    IOptions<WidgetOptions> options, ILogger<WidgetHub> log) : Hub
{
    public const string Path = "/hubs/widget";
    public const string Channel = "widget";

    /// <summary>Opens a new stored conversation and returns the widget's title, welcome message and colour.</summary>
    public async Task<WidgetStart> StartConversation(string key)
    {
        var access = await gate.CheckAsync(key, Context.GetHttpContext(), Context.ConnectionAborted);
        var settings = access.Assistant.Widget;
        var id = await conversations.CreateAsync(access.Assistant.Id, access.Assistant.ActiveVersionId, Channel, access.Origin, Context.ConnectionAborted);
        return new WidgetStart(id, settings.Title, settings.WelcomeMessage, settings.PrimaryColor);
    }

    /// <summary>A stored conversation of this key's assistant, with every message so far (after a reconnect or reload).</summary>
    public async Task<WidgetResume> ResumeConversation(string key, Guid conversationId)
    {
        var access = await gate.CheckAsync(key, Context.GetHttpContext(), Context.ConnectionAborted);
        var messages = await MessagesAsync(access, conversationId);
        var settings = access.Assistant.Widget;
        return new WidgetResume(conversationId, settings.Title, settings.WelcomeMessage, settings.PrimaryColor,
            messages.Select(m => new WidgetTurn(m.Index, m.Role, m.Content, m.Truncated, m.Rating)).ToList());
    }

    /// <summary>
    /// Streams the answer to <paramref name="text"/> as text deltas. Cancelling the stream (the stop button) ends it
    /// normally; the partial answer is stored marked truncated.
    /// </summary>
    public async IAsyncEnumerable<string> SendMessage(string key, Guid conversationId, string text, [EnumeratorCancellation] CancellationToken ct)
    {
        var access = await gate.CheckAsync(key, Context.GetHttpContext(), ct);
        string message = (text ?? "").Trim();
        int max = options.Value.MaxMessageChars;
        if (message.Length == 0) throw new HubException("The message is empty: type a question first.");
        if (message.Length > max) throw new HubException($"The message is {message.Length} characters long; the limit is {max}. Please shorten it.");

        await using var held = await locks.TryEnterAsync(conversationId, TimeSpan.FromSeconds(10), ct)
            ?? throw new HubException("The previous answer is still being written: stop it or wait for it to finish.");
        var history = await MessagesAsync(access, conversationId);
        ServedAssistant? served;
        try { served = await chats.FindAsync(access.Assistant.Id, CancellationToken.None); }
        catch (Exception ex)
        {
            log.LogError(ex, "The widget's assistant {Assistant} could not be served", access.Assistant.Id);
            throw new HubException("The assistant is not available right now; please try again later.");
        }
        if (served is null) throw new HubException("This assistant no longer exists.");

        var prompt = history.Where(m => m.Role is "user" or "assistant").Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
        prompt.Add(new ChatMessage(ChatRole.User, message));
        IReadOnlyList<ChatMessage> fitted = served.Client is EngineChatClient engine ? engine.FitToContext(prompt) : prompt; // the oldest turns go when the conversation outgrows the model

        var answer = new StringBuilder();
        int deltas = 0;
        long? outputTokens = null, inputTokens = null;
        bool stopped = false, cut = false, failed = false;
        await using var updates = served.Client.GetStreamingResponseAsync(fitted, null, ct).GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                string? delta = null;
                try
                {
                    if (!await updates.MoveNextAsync()) break;
                    var update = updates.Current;
                    if (update.FinishReason == ChatFinishReason.Length) cut = true;
                    foreach (var usage in update.Contents.OfType<UsageContent>())
                        (outputTokens, inputTokens) = (usage.Details.OutputTokenCount, usage.Details.InputTokenCount);
                    delta = update.Text;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { stopped = true; break; }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Widget answer failed for conversation {Conversation}", conversationId);
                    if (answer.Length > 0) { cut = true; break; } // keep what was shown, marked cut off
                    failed = true;
                    throw new HubException(ex is ChatRequestException ? $"The assistant cannot answer: {ex.Message}." : "The assistant could not answer just now; please try again.");
                }
                if (string.IsNullOrEmpty(delta)) continue;
                answer.Append(delta);
                deltas++;
                yield return delta;
            }
        }
        finally
        {
            // Stored whether the answer ended, was stopped or the connection dropped mid-stream: nothing the visitor saw is lost.
            if (!failed)
            {
                stopped |= ct.IsCancellationRequested;
                await conversations.AppendAsync(conversationId, served.Version?.Id,
                [
                    new StoredMessage { Role = "user", Content = message, Tokens = (int)Math.Max(0, (inputTokens ?? 0) - PriorTokens(history)) },
                    new StoredMessage { Role = "assistant", Content = answer.ToString(), Tokens = (int)(outputTokens ?? deltas), Truncated = stopped || cut },
                ], CancellationToken.None);
            }
        }
    }

    /// <summary>A visitor's thumbs up (+1) or down (-1) on the answer at <paramref name="messageIndex"/>, with an optional comment.</summary>
    public async Task Rate(string key, Guid conversationId, int messageIndex, int rating, string? comment)
    {
        var access = await gate.CheckAsync(key, Context.GetHttpContext(), Context.ConnectionAborted);
        int max = options.Value.MaxCommentChars;
        if (comment is { Length: var n } && n > max) throw new HubException($"The comment is {n} characters long; the limit is {max}.");
        try { await conversations.RateAsync(conversationId, access.Assistant.Id, messageIndex, rating, comment, Context.ConnectionAborted); }
        catch (ConversationRequestException ex) { throw new HubException(ex.Message); }
    }

    async Task<IReadOnlyList<StoredMessage>> MessagesAsync(WidgetAccess access, Guid conversationId) =>
        await conversations.MessagesAsync(conversationId, access.Assistant.Id, CancellationToken.None)
        ?? throw new HubException("This conversation does not exist (or belongs to another assistant): start a new one.");

    /// <summary>Rough: the prompt tokens already spent on earlier turns, so a user message's count is what it added.</summary>
    static long PriorTokens(IReadOnlyList<StoredMessage> history) => history.Sum(m => (long)m.Tokens);
}
