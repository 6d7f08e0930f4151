namespace AssistantBuilder.Core.Comparison;

/// <summary>One example exchange shown to the prompted baseline: a user turn and the assistant's answer to it.</summary>
public sealed record FewShotExample(string User, string Assistant);
