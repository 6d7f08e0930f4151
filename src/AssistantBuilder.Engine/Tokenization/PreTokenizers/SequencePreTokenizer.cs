namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Sequence pre-tokenizer: each step runs on every pre-token the previous step produced.</summary>
internal sealed class SequencePreTokenizer(IReadOnlyList<IPreTokenizer> steps) : IPreTokenizer
{
    public void PreTokenize(PreToken piece, List<PreToken> output)
    {
        var current = new List<PreToken> { piece };
        foreach (IPreTokenizer step in steps)
        {
            var next = new List<PreToken>(current.Count * 2);
            foreach (PreToken p in current)
                step.PreTokenize(p, next);
            current = next;
        }
        output.AddRange(current);
    }
}
