using System.Diagnostics;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Generation;

namespace AssistantBuilder.Core.Evaluation;

/// <summary>
/// Answers every eval item greedily (temperature 0, no repetition penalty) with a chat model and scores the key
/// facts in each answer with <see cref="FactMatcher"/>.
/// </summary>
public static class FactEvaluator
{
    public const int DefaultMaxNewTokens = 64;

    /// <summary>The fine-tuned model's prompt: the eval conversation as it is.</summary>
    public static IReadOnlyList<ChatMessage> AsIs(FactEvalItem item) => item.Prompt;

    public static async Task<FactScore> RunAsync(ChatModel chat, IReadOnlyList<FactEvalItem> items, Func<FactEvalItem, IReadOnlyList<ChatMessage>> prompt,
        int maxNewTokens = DefaultMaxNewTokens, Action<FactAnswer>? onAnswer = null, CancellationToken ct = default)
    {
        var options = chat.DefaultOptions() with { Temperature = 0, TopK = 0, TopP = 1, RepetitionPenalty = 1, MaxNewTokens = maxNewTokens, Seed = null };
        var watch = Stopwatch.StartNew();
        var answers = new List<FactAnswer>();
        foreach (var item in items)
        {
            var ids = chat.EncodeChat(chat.RenderChat(prompt(item)));
            var text = new System.Text.StringBuilder();
            await foreach (var chunk in chat.GenerateAsync(ids, options, ct)) text.Append(chunk.Text);
            string answer = text.ToString().Trim();
            var result = new FactAnswer(item.Id, item.Question, answer, item.Facts, FactMatcher.Found(answer, item.Facts), ids.Count);
            answers.Add(result);
            onAnswer?.Invoke(result);
        }
        return new FactScore(answers, watch.Elapsed.TotalSeconds);
    }
}
