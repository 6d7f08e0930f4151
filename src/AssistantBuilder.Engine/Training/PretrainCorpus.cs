using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// Plain text for pretraining, as fixed-length blocks of token ids: the file is encoded paragraph by paragraph
/// (documents separated by the end-of-text token, written literally in the file or added between files), the ids
/// concatenated and cut into blocks of <c>blockSize</c> tokens, every position trained (GPT-2's recipe).
/// </summary>
public static class PretrainCorpus
{
    public static List<TrainingExample> Blocks(IEnumerable<string> paths, HfTokenizer tokenizer, int blockSize, int endOfText)
    {
        if (blockSize < 8) throw new ArgumentException($"block size must be at least 8 tokens (got {blockSize})");
        var ids = new List<int>();
        foreach (string path in paths)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: corpus file not found", path);
            foreach (string paragraph in Paragraphs(path)) ids.AddRange(tokenizer.Encode(paragraph, addSpecialTokens: false));
            if (ids.Count > 0 && ids[^1] != endOfText) ids.Add(endOfText);
        }
        if (ids.Count < blockSize + 1) throw new ArgumentException($"the corpus has {ids.Count} tokens: fewer than one block of {blockSize}");
        var blocks = new List<TrainingExample>();
        for (int start = 0; start + blockSize <= ids.Count; start += blockSize)
        {
            var block = ids.GetRange(start, blockSize).ToArray();
            blocks.Add(new TrainingExample(block, block, blockSize - 1, blocks.Count));
        }
        return blocks;
    }

    // Paragraphs with their line breaks, so that no single encode call sees the whole file.
    static IEnumerable<string> Paragraphs(string path)
    {
        var paragraph = new System.Text.StringBuilder();
        foreach (string line in File.ReadLines(path))
        {
            paragraph.Append(line).Append('\n');
            if (line.Length == 0 && paragraph.Length > 4096) { yield return paragraph.ToString(); paragraph.Clear(); }
        }
        if (paragraph.Length > 0) yield return paragraph.ToString();
    }
}
