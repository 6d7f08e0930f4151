using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Chat;

namespace AssistantBuilder.Core.Evaluation;

/// <summary>
/// The prompt for a base model that has not been fine-tuned: the eval conversation with the domain's key facts
/// listed in its system message (appended to the conversation's own system message, or as a new one). The item's
/// own facts come first, then the other facts of the domain, deduplicated, as many as fit while leaving
/// <c>answerTokens</c> of the model's context for the answer (all of them on models with a long context; the
/// 256-token default model holds some). Listing the item's own facts first favours the prompted model: the
/// comparison with a fine-tuned model is conservative.
/// </summary>
public static class FactPrompt
{
    public const string Heading = "Facts you know:";

    public static IReadOnlyList<ChatMessage> Build(ChatModel chat, FactEvalItem item, IReadOnlyList<string> domainFacts, int answerTokens)
    {
        var facts = item.Facts.Concat(domainFacts).Distinct().ToList();
        int context = chat.Model.Config.MaxPositionEmbeddings;
        int Tokens(IReadOnlyList<ChatMessage> messages) => chat.EncodeChat(chat.RenderChat(messages)).Count;
        var best = With(item, facts.Take(item.Facts.Count));
        // Add the domain's other facts while the prompt still leaves room for the answer (binary search on the count).
        int lo = item.Facts.Count, hi = facts.Count;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Tokens(With(item, facts.Take(mid))) + answerTokens <= context) lo = mid; else hi = mid - 1;
        }
        return lo > item.Facts.Count ? With(item, facts.Take(lo)) : best;
    }

    static List<ChatMessage> With(FactEvalItem item, IEnumerable<string> facts)
    {
        string listing = Heading + "\n" + string.Join("\n", facts.Select(f => "- " + f));
        var messages = item.Prompt.ToList();
        if (messages.Count > 0 && messages[0].Role == "system") messages[0] = messages[0] with { Content = messages[0].Content + "\n\n" + listing };
        else messages.Insert(0, new ChatMessage("system", listing));
        return messages;
    }
}
