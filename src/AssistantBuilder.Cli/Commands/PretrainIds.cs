using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Cli.Commands;

/// <summary>The special tokens a ChatML model built here needs, looked up in its tokenizer.</summary>
sealed record PretrainIds(int EndOfText, int ImStart, int ImEnd)
{
    public static PretrainIds From(HfTokenizer tokenizer)
    {
        int Id(string token) => tokenizer.TokenToId(token) ?? throw new UserError($"the tokenizer has no {token} token (train it with ab tokenizer train)");
        return new PretrainIds(Id("<|endoftext|>"), Id("<|im_start|>"), Id("<|im_end|>"));
    }
}
