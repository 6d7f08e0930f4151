using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Templates;
using AssistantBuilder.Engine.Tokenization;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// Shows which tokens of a conversation a model would be trained on, without loading its weights: the model
/// folder's tokenizer, chat template and end-of-turn ids feed the very <see cref="ExampleBuilder"/> call that
/// training makes (<see cref="TrainingData.BuildExample"/>), and the labels it returns are decoded back to text,
/// one segment per contiguous run of trained or untrained tokens within each turn.
/// </summary>
public sealed class LabelMaskPreview
{
    readonly HfTokenizer _tokenizer;
    readonly ChatTemplate _template;
    readonly ExampleBuilder _builder;

    LabelMaskPreview(HfTokenizer tokenizer, ChatTemplate template, IReadOnlyList<int> endOfTurnIds)
    {
        (_tokenizer, _template) = (tokenizer, template);
        _builder = new ExampleBuilder(template, tokenizer, endOfTurnIds);
    }

    /// <summary>The chat template's name.</summary>
    public string TemplateName => _template.Name;

    /// <summary>The end-of-turn tokens (as text) that close a trained assistant turn.</summary>
    public IReadOnlyList<string> EndOfTurnTokens => _builder.EndOfTurnIds.Select(id => _tokenizer.IdToToken(id) ?? $"#{id}").ToList();

    /// <summary>
    /// Reads tokenizer.json, tokenizer_config.json (its chat template; ChatML when none), generation_config.json and
    /// config.json's end-of-sequence ids from <paramref name="modelDirectory"/>, as <see cref="ChatModel"/> does.
    /// </summary>
    /// <exception cref="Engine.Checkpoints.CheckpointException">config.json is missing or unreadable.</exception>
    /// <exception cref="InvalidOperationException">The model names no end-of-turn token.</exception>
    public static LabelMaskPreview Load(string modelDirectory)
    {
        var (tokenizer, template, generation) = ChatModel.LoadText(modelDirectory);
        var config = ModelConfig.FromFile(Path.Combine(modelDirectory, "config.json"));
        var endOfTurn = ChatModel.EndOfSequenceIds(config.EosTokenIds, generation, template, tokenizer);
        if (endOfTurn.Count == 0)
            throw new InvalidOperationException($"{modelDirectory}: the model names no end-of-sequence token (config.json, generation_config.json or the tokenizer's eos_token), so no turn could be trained to stop.");
        return new LabelMaskPreview(tokenizer, template, endOfTurn);
    }

    /// <summary>Tokens of the conversation rendered with the template (as training counts them); 0 when the template refuses it.</summary>
    public int CountTokens(Conversation conversation)
    {
        try { return _tokenizer.Encode(_template.Render(conversation.ToMessages(), addGenerationPrompt: false), addSpecialTokens: false).Count; }
        catch (TemplateException) { return 0; }
    }

    /// <summary>The conversation's turns with their rendered tokens split into trained and untrained segments.</summary>
    public LabelledConversation Label(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        TrainingExample example;
        try { example = TrainingData.BuildExample(_builder, conversation); }
        catch (ExampleException e) { return Unlabelled(conversation, e.Message); }

        var messages = conversation.ToMessages();
        int[] bounds = TurnBounds(messages, example.InputIds);
        var decoder = new PrefixDecoder(_tokenizer, example.InputIds);
        var turns = new List<LabelledTurn>(messages.Count);
        for (int t = 0; t < messages.Count; t++)
            turns.Add(new LabelledTurn(messages[t].Role, messages[t].Content, Segments(example, bounds[t], bounds[t + 1], decoder)));
        return new LabelledConversation(conversation.SourceLine, example.Length, example.TrainedTokens, turns, null);
    }

    static LabelledConversation Unlabelled(Conversation c, string error) =>
        new(c.SourceLine, 0, 0, c.Turns.Select(t => new LabelledTurn(t.Role, t.Content, [new LabelSegment(t.Content, false, 0)])).ToList(), error);

    // Token index where each turn starts: the tokens of the conversation rendered up to that turn, when they are a
    // prefix of the whole (they are for prefix-stable templates); else the previous bound, so no token is lost.
    int[] TurnBounds(IReadOnlyList<ChatMessage> messages, int[] ids)
    {
        var bounds = new int[messages.Count + 1];
        bounds[messages.Count] = ids.Length;
        for (int i = 1; i < messages.Count; i++)
        {
            bounds[i] = bounds[i - 1];
            int[]? prefix = TryEncode(messages.Take(i).ToList());
            if (prefix is not null && prefix.Length >= bounds[i - 1] && prefix.Length <= ids.Length && prefix.AsSpan().SequenceEqual(ids.AsSpan(0, prefix.Length)))
                bounds[i] = prefix.Length;
        }
        return bounds;
    }

    int[]? TryEncode(IReadOnlyList<ChatMessage> messages)
    {
        try { return _tokenizer.Encode(_template.Render(messages, addGenerationPrompt: false), addSpecialTokens: false).ToArray(); }
        catch (TemplateException) { return null; }
    }

    static List<LabelSegment> Segments(TrainingExample example, int start, int end, PrefixDecoder decoder)
    {
        var segments = new List<LabelSegment>();
        int runStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && i > runStart && IsTrained(example, i) == IsTrained(example, runStart)) continue;
            if (i > runStart)
            {
                segments.Add(new LabelSegment(decoder.Text(runStart, i), IsTrained(example, runStart), i - runStart));
                runStart = i;
            }
        }
        return segments;
    }

    static bool IsTrained(TrainingExample example, int position) => example.Labels[position] != TrainingExample.IgnoreIndex;

    // Decodes ids[a..b) as the difference of the decoded prefixes, so decoders that treat the start of the text
    // specially (e.g. stripping a leading space) or characters split across runs still read as in the whole text.
    sealed class PrefixDecoder(HfTokenizer tokenizer, int[] ids)
    {
        readonly Dictionary<int, string> _prefixes = new() { [0] = "" };

        public string Text(int a, int b)
        {
            string upToA = Prefix(a), upToB = Prefix(b);
            return upToB.StartsWith(upToA, StringComparison.Ordinal) ? upToB[upToA.Length..] : tokenizer.Decode(ids[a..b], skipSpecialTokens: false);
        }

        string Prefix(int n)
        {
            if (!_prefixes.TryGetValue(n, out string? text))
                _prefixes[n] = text = tokenizer.Decode(ids[..n], skipSpecialTokens: false);
            return text;
        }
    }
}
