using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.UnitTests.Playground;

/// <summary>
/// A chat client that answers each call with the next scripted answer, one update per piece, then a finish reason
/// and usage. With <see cref="HoldAfterFirstPiece"/> it stops after the first piece until cancelled.
/// </summary>
public sealed class ScriptedChatClient(params string[][] answers) : IChatClient
{
    int _call;
    public List<List<ChatMessage>> Calls { get; } = [];
    public List<ChatOptions?> Options { get; } = [];
    public bool HoldAfterFirstPiece { get; set; }
    /// <summary>Thrown by the next call before any piece (e.g. the engine's "too long for the context").</summary>
    public Exception? Refuse { get; set; }
    public TaskCompletionSource FirstPieceSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Add(messages.ToList());
        Options.Add(options);
        if (Refuse is { } refuse) { Refuse = null; throw refuse; }
        var pieces = answers[_call++ % answers.Length];
        for (int i = 0; i < pieces.Length; i++)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, pieces[i]);
            if (i == 0) FirstPieceSent.TrySetResult();
            if (HoldAfterFirstPiece) await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        yield return new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = ChatFinishReason.Stop, Contents = [new UsageContent(new UsageDetails { OutputTokenCount = pieces.Length + 1 })] };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;
    public void Dispose() { }
}
