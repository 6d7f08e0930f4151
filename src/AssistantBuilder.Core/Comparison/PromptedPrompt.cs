using Microsoft.SemanticKernel.ChatCompletion;

namespace AssistantBuilder.Core.Comparison;

/// <summary>What the prompted baseline sends for one question: the chat history and the few-shot examples kept in it.</summary>
public sealed record PromptedPrompt(ChatHistory History, IReadOnlyList<FewShotExample> Examples, int PromptTokens);
