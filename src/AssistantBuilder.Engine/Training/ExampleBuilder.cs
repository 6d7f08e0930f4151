using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Templates;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// Turns a conversation into a <see cref="TrainingExample"/>: the whole conversation rendered with the model's chat
/// template and tokenized (without added special tokens, as <see cref="ChatModel.EncodeChat"/> does), with labels
/// on the tokens of the trained assistant turns, each up to and including its end-of-turn token.
/// </summary>
/// <remarks>
/// An assistant turn's tokens are located by rendering the conversation before it with the generation prompt and
/// the conversation up to and including it: both must be prefixes of the whole conversation, as text and as tokens.
/// Templates that render a turn differently depending on what follows, and token merges across a turn boundary,
/// are reported (<see cref="TemplateMismatchException"/>), never guessed around.
/// </remarks>
public sealed class ExampleBuilder
{
    public const string AssistantRole = "assistant";

    private readonly ChatTemplate _template;
    private readonly HfTokenizer _tokenizer;
    private readonly HashSet<int> _endOfTurn;

    /// <param name="template">The model's chat template.</param>
    /// <param name="tokenizer">The model's tokenizer.</param>
    /// <param name="endOfTurnIds">Ids that end an assistant turn (e.g. <see cref="ChatModel.EosTokenIds"/>); the first
    /// one in a turn is its last trained token.</param>
    /// <param name="maxSeqLen">Conversations with more tokens are refused with <see cref="ExampleTooLongException"/>.</param>
    public ExampleBuilder(ChatTemplate template, HfTokenizer tokenizer, IReadOnlyList<int> endOfTurnIds, int? maxSeqLen = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(endOfTurnIds);
        if (endOfTurnIds.Count == 0)
            throw new ArgumentException("At least one end-of-turn token id is needed: a model must learn to stop.", nameof(endOfTurnIds));
        if (maxSeqLen is <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxSeqLen), maxSeqLen, "The maximum sequence length must be positive.");
        _template = template;
        _tokenizer = tokenizer;
        EndOfTurnIds = endOfTurnIds.ToArray();
        _endOfTurn = [.. endOfTurnIds];
        MaxSeqLen = maxSeqLen;
    }

    public IReadOnlyList<int> EndOfTurnIds { get; }

    public int? MaxSeqLen { get; }

    /// <summary>Builds an example that trains on every assistant turn.</summary>
    public TrainingExample Build(IReadOnlyList<ChatMessage> messages, int sourceIndex)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Build(messages, messages.Select(m => m.Role == AssistantRole).ToArray(), sourceIndex);
    }

    /// <summary>
    /// Builds an example; <paramref name="trainTurn"/>[i] says whether message i, which must then be an assistant
    /// turn, is trained on.
    /// </summary>
    /// <exception cref="ConversationRejectedException">The template raised or failed on the conversation.</exception>
    /// <exception cref="ExampleTooLongException">The conversation has more than <see cref="MaxSeqLen"/> tokens.</exception>
    /// <exception cref="TemplateMismatchException">A trained turn's tokens cannot be located exactly.</exception>
    /// <exception cref="MissingEndOfTurnException">A trained turn has no end-of-turn token.</exception>
    public TrainingExample Build(IReadOnlyList<ChatMessage> messages, IReadOnlyList<bool> trainTurn, int sourceIndex)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(trainTurn);
        if (trainTurn.Count != messages.Count)
            throw new ArgumentException($"{trainTurn.Count} train flags for {messages.Count} messages.", nameof(trainTurn));
        for (int i = 0; i < messages.Count; i++)
        {
            if (trainTurn[i] && messages[i].Role != AssistantRole)
                throw new ArgumentException($"Message {i} is a '{messages[i].Role}' turn; only assistant turns can be trained on.", nameof(trainTurn));
        }

        string full = Render(messages, messages.Count, generationPrompt: false);
        int[] ids = Encode(full);
        if (MaxSeqLen is int max && ids.Length > max)
            throw new ExampleTooLongException(ids.Length, max);

        var labels = new int[ids.Length];
        Array.Fill(labels, TrainingExample.IgnoreIndex);
        int trained = 0;
        for (int turn = 0; turn < messages.Count; turn++)
        {
            if (!trainTurn[turn])
                continue;
            var (start, end) = LocateTurn(messages, turn, full, ids);
            int last = EndOfTurn(ids, start, end) ?? throw MissingEndOfTurn(turn, start, end, ids);
            Array.Copy(ids, start, labels, start, last + 1 - start);
            trained += last + 1 - start;
        }
        return new TrainingExample(ids, labels, trained, sourceIndex);
    }

    /// <summary>The token range [start, end) of assistant turn <paramref name="turn"/> in the whole conversation.</summary>
    private (int Start, int End) LocateTurn(IReadOnlyList<ChatMessage> messages, int turn, string full, int[] ids)
    {
        const string before = "the conversation before it, with the generation prompt,";
        const string through = "the conversation up to and including it";
        string prefix = Render(messages, turn, generationPrompt: true);
        string upTo = Render(messages, turn + 1, generationPrompt: false);
        CheckText(prefix, full, turn, before);
        CheckText(upTo, full, turn, through);
        if (upTo.Length < prefix.Length)
        {
            throw new TemplateMismatchException(_template.Name, turn,
                $"Template '{_template.Name}', turn {turn}: {through} renders shorter than {before} " +
                $"({Divergence.Quote(full[upTo.Length..prefix.Length])} is only in the latter).");
        }

        int[] prefixIds = Encode(prefix);
        int[] upToIds = Encode(upTo);
        CheckTokens(prefixIds, ids, turn, before);
        CheckTokens(upToIds, ids, turn, through);
        return (prefixIds.Length, Math.Max(prefixIds.Length, upToIds.Length));
    }

    private void CheckText(string part, string full, int turn, string what)
    {
        if (full.StartsWith(part, StringComparison.Ordinal))
            return;
        throw new TemplateMismatchException(_template.Name, turn,
            $"Template '{_template.Name}' renders turn {turn} differently depending on what follows it: {what} is not a " +
            $"prefix of the whole conversation. {Divergence.Text(part, full)} (⟨ marks the point.) Labels cannot be " +
            "placed on this template's turns without guessing; use a template that renders each turn the same whatever follows.");
    }

    private void CheckTokens(int[] part, int[] ids, int turn, string what)
    {
        if (part.Length <= ids.Length && part.AsSpan().SequenceEqual(ids.AsSpan(0, part.Length)))
            return;
        throw new TemplateMismatchException(_template.Name, turn,
            $"Template '{_template.Name}', turn {turn}: {what} is a prefix of the whole conversation as text, but its " +
            $"tokens are not a prefix of the whole conversation's tokens: the tokenizer merges across the turn boundary. " +
            $"{Divergence.Tokens(part, ids, _tokenizer)} (⟨ marks the point.)");
    }

    private int? EndOfTurn(int[] ids, int start, int end)
    {
        for (int t = start; t < end; t++)
        {
            if (_endOfTurn.Contains(ids[t]))
                return t;
        }
        return null;
    }

    private MissingEndOfTurnException MissingEndOfTurn(int turn, int start, int end, int[] ids)
    {
        string tokens = string.Join(", ", EndOfTurnIds.Select(id => $"{Divergence.Quote(_tokenizer.IdToToken(id) ?? "?")} {id}"));
        string rendered = _tokenizer.Decode(ids[start..end], skipSpecialTokens: false);
        return new MissingEndOfTurnException(_template.Name, turn,
            $"Template '{_template.Name}', turn {turn}: the assistant turn renders as {Divergence.Quote(rendered)} with no " +
            $"end-of-turn token ({tokens}), so a model trained on it would never learn to stop. Give the template's " +
            "end-of-turn token id, or use a template that ends assistant turns with one.");
    }

    private string Render(IReadOnlyList<ChatMessage> messages, int count, bool generationPrompt)
    {
        var slice = count == messages.Count ? messages : messages.Take(count).ToList();
        try
        {
            return _template.Render(slice, generationPrompt);
        }
        catch (TemplateException e)
        {
            throw new ConversationRejectedException(e);
        }
    }

    private int[] Encode(string text) => _tokenizer.Encode(text, addSpecialTokens: false).ToArray();
}
