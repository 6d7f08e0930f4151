using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// From a conversations file to training examples for one model: import (any format), count tokens with the
/// model's own chat template and tokenizer, reject what is too long, split off a validation set by seed when no
/// validation file is given, and label the assistant tokens. A template that breaks the prefix property or never
/// ends an assistant turn stops everything (<see cref="ExampleException"/>): training on it would teach the model garbage.
/// </summary>
public static class TrainingData
{
    public const double ValidationFraction = 0.1;
    public const int MinimumForSplit = 10;

    public static PreparedData Prepare(ChatModel chat, string dataPath, ImportOptions import, string? validationPath, int maxSeqLen, int seed)
    {
        var options = import with { MaxSeqLen = maxSeqLen, CountTokens = c => CountTokens(chat, c) };
        var imported = DatasetImporter.Import(dataPath, options);
        var validationImport = validationPath is null ? null : DatasetImporter.Import(validationPath, options);
        var (train, validation) = validationImport is not null ? (imported.Conversations, validationImport.Conversations)
            : imported.Conversations.Count >= MinimumForSplit ? DatasetSplitter.Split(imported.Conversations, ValidationFraction, seed)
            : (imported.Conversations, []);
        var builder = new ExampleBuilder(chat.Template, chat.Tokenizer, chat.EosTokenIds, maxSeqLen);
        var rejected = new List<RejectedRecord>(imported.Rejected);
        var trainExamples = Build(builder, train, rejected);
        var validationExamples = Build(builder, validation, rejected);
        if (trainExamples.Count == 0)
            throw new DatasetException($"no usable conversation in {dataPath}: every one was rejected ({rejected.Count}); first: line {rejected.FirstOrDefault()?.Line}: {rejected.FirstOrDefault()?.Reason}");
        return new PreparedData(imported, validationImport, trainExamples, validationExamples, rejected);
    }

    static List<TrainingExample> Build(ExampleBuilder builder, IReadOnlyList<Conversation> conversations, List<RejectedRecord> rejected)
    {
        var examples = new List<TrainingExample>();
        foreach (var c in conversations)
        {
            try { examples.Add(BuildExample(builder, c)); }
            catch (Exception ex) when (ex is ConversationRejectedException or ExampleTooLongException)
            {
                rejected.Add(new RejectedRecord(c.SourceLine, ex.Message));
            }
        }
        return examples;
    }

    /// <summary>
    /// The example training uses for one imported conversation: its assistant turns with weight 1 are trained.
    /// Throws what <see cref="ExampleBuilder.Build(IReadOnlyList{Engine.Chat.ChatMessage}, IReadOnlyList{bool}, int)"/> throws.
    /// </summary>
    public static TrainingExample BuildExample(ExampleBuilder builder, Conversation c) =>
        builder.Build(c.ToMessages(), c.Turns.Select(t => t.Role == ExampleBuilder.AssistantRole && t.Train).ToList(), c.SourceLine);

    // Tokens of the conversation as it will be trained: rendered with the model's template and encoded.
    // A template that refuses the conversation counts 0 here; the example builder then rejects it with the reason.
    static int CountTokens(ChatModel chat, Conversation c)
    {
        try { return chat.EncodeChat(chat.RenderChat(c.ToMessages(), addGenerationPrompt: false)).Count; }
        catch (Engine.Templates.TemplateException) { return 0; }
    }
}
