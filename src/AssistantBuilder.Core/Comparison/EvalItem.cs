using MeaiMessage = Microsoft.Extensions.AI.ChatMessage;

namespace AssistantBuilder.Core.Comparison;

/// <summary>One held-out example: the conversation up to the reference (ends with the user's question), the reference answer and its key facts.</summary>
public sealed record EvalItem(int Index, IReadOnlyList<MeaiMessage> Prompt, string Question, string Reference, IReadOnlyList<string> Facts);
