namespace AssistantBuilder.Core.Datasets;

/// <summary>A rough token count when no tokenizer is given: the whitespace-separated words of all turns.</summary>
internal static class TokenEstimator
{
    public static int CountWords(Conversation conversation) => conversation.Turns.Sum(t => CountWords(t.Content));

    public static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }

        return words;
    }
}
