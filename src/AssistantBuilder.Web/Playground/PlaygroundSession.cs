using AssistantBuilder.Core.Serving;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.Playground;

/// <summary>
/// The state of one playground chat, apart from any UI: send, stop, regenerate the last answer, edit a user message
/// and resend (what came after it is dropped). Answers stream into <see cref="Messages"/>; <see cref="Changed"/> is
/// raised on every piece, and <see cref="Answered"/> once an answer is done (stopped ones too, not failed ones), to
/// store the chat.
/// </summary>
public sealed class PlaygroundSession(IChatClient client, PlaygroundSettings settings, TimeProvider? clock = null)
{
    readonly TimeProvider _clock = clock ?? TimeProvider.System;
    CancellationTokenSource? _generation;

    public IChatClient Client { get; set; } = client;
    public PlaygroundSettings Settings { get; set; } = settings;
    public List<PlaygroundMessage> Messages { get; } = [];
    public bool IsGenerating => _generation is not null;
    /// <summary>Why the last answer failed (e.g. the conversation is too long for the model); null when it did not.</summary>
    public string? Error { get; private set; }

    public event Action? Changed;
    public Func<Task>? Answered { get; set; }

    /// <summary>
    /// A sent message the model refused outright (e.g. too long for its context), taken back out of the chat so the
    /// next message is not refused for it too; the composer offers it again to shorten. Null after any other send.
    /// </summary>
    public string? Refused { get; private set; }

    public async Task SendAsync(string text)
    {
        if (IsGenerating || string.IsNullOrWhiteSpace(text)) return;
        Refused = null;
        var message = new PlaygroundMessage("user", text.Trim());
        Messages.Add(message);
        await GenerateAsync();
        if (Error is not null && Messages.Count > 0 && ReferenceEquals(Messages[^1], message))
        {
            Messages.RemoveAt(Messages.Count - 1);
            Refused = message.Text;
            Changed?.Invoke();
        }
    }

    /// <summary>Stops the answer being generated; what came so far stays, marked truncated.</summary>
    public void Stop() => _generation?.Cancel();

    /// <summary>Drops the last answer and asks again.</summary>
    public Task RegenerateAsync()
    {
        if (IsGenerating || Messages.Count == 0) return Task.CompletedTask;
        if (!Messages[^1].IsUser) Messages.RemoveAt(Messages.Count - 1);
        return Messages.Count > 0 && Messages[^1].IsUser ? GenerateAsync() : Task.CompletedTask;
    }

    /// <summary>Replaces a user message, drops everything after it and asks again.</summary>
    public Task EditAndResendAsync(int index, string text)
    {
        if (IsGenerating || index < 0 || index >= Messages.Count || !Messages[index].IsUser || string.IsNullOrWhiteSpace(text)) return Task.CompletedTask;
        Messages[index].Text = text.Trim();
        Messages.RemoveRange(index + 1, Messages.Count - index - 1);
        return GenerateAsync();
    }

    /// <summary>Starts over with an empty chat.</summary>
    public void Clear()
    {
        if (IsGenerating) return;
        Messages.Clear();
        Error = null;
        Changed?.Invoke();
    }

    async Task GenerateAsync()
    {
        var history = Messages.Select(m => new ChatMessage(m.IsUser ? ChatRole.User : ChatRole.Assistant, m.Text)).ToList();
        var answer = new PlaygroundMessage("assistant", "");
        Messages.Add(answer);
        using var generation = _generation = new CancellationTokenSource();
        Error = null;
        Changed?.Invoke();

        long start = _clock.GetTimestamp();
        TimeSpan? firstToken = null;
        int pieces = 0;
        int? tokens = null;
        bool finished = false;
        try
        {
            await foreach (var update in Client.GetStreamingResponseAsync(history, Settings.ToChatOptions(), generation.Token))
            {
                if (update.Text is { Length: > 0 } text)
                {
                    firstToken ??= _clock.GetElapsedTime(start);
                    answer.Text += text;
                    pieces++;
                }
                if (update.FinishReason is { } reason)
                {
                    finished = true;
                    answer.Truncated = reason == ChatFinishReason.Length;
                }
                if (update.Contents.OfType<UsageContent>().LastOrDefault() is { } usage) tokens = (int?)usage.Details.OutputTokenCount;
                Changed?.Invoke();
            }
            if (!finished) answer.Truncated = true;
        }
        catch (OperationCanceledException) when (generation.IsCancellationRequested) { answer.Truncated = true; }
        catch (Exception ex) when (ex is ChatRequestException or InvalidOperationException or ArgumentException or IOException)
        {
            Error = ex.Message;
        }
        finally
        {
            _generation = null;
        }
        // An answer that failed before its first token is dropped, and the chat is not stored for it: a stored
        // conversation never ends with a question that got no answer.
        bool answered = Error is null || answer.Text.Length > 0;
        if (!answered) Messages.Remove(answer);
        else answer.Stats = new AnswerStats(tokens ?? pieces, firstToken, _clock.GetElapsedTime(start));
        Changed?.Invoke();
        if (answered && Answered is { } stored) await stored();
    }
}
