namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// A piece of the input after added-token splitting: either an added token (<see cref="TokenId"/> set) or text
/// still to normalize, pre-tokenize and encode. <see cref="AtStart"/> is HF's <c>offsets_original().0 == 0</c>:
/// the piece begins at the very start of the input (Metaspace's <c>prepend_scheme: first</c> needs it).
/// </summary>
internal readonly record struct TextSplit(string Text, int? TokenId, bool AtStart);
