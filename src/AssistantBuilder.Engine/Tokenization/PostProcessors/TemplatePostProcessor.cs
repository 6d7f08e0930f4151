namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's TemplateProcessing for a single sequence: the <c>single</c> template's pieces in order, each special
/// token replaced by the ids listed for it in <c>special_tokens</c>, and <c>$A</c> by the encoded text
/// (e.g. Llama: <c>&lt;s&gt; $A</c>).
/// </summary>
internal sealed class TemplatePostProcessor(IReadOnlyList<int[]?> pieces) : IPostProcessor
{
    /// <param name="pieces">One entry per template piece: the special token's ids, or null for the sequence.</param>
    public List<int> Process(List<int> ids)
    {
        var result = new List<int>(ids.Count + pieces.Count);
        foreach (int[]? piece in pieces)
        {
            if (piece is null)
                result.AddRange(ids);
            else
                result.AddRange(piece);
        }
        return result;
    }
}
