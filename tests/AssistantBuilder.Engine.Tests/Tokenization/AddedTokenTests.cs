using static AssistantBuilder.Engine.Tests.Tokenization.ByteLevelFixture;

namespace AssistantBuilder.Engine.Tests.Tokenization;

/// <summary>Added-token splitting, as HF's AddedVocabulary does it, on the byte-level fixture.</summary>
public class AddedTokenTests
{
    private static readonly AssistantBuilder.Engine.Tokenization.HfTokenizer Tokenizer = Qwen();

    [Fact]
    public void Special_tokens_in_the_middle_of_text_map_to_their_ids() =>
        // <|im_start|> | "user" "\n" "hi" | <|im_end|>
        Assert.Equal(new[] { ImStart, 117, 115, 101, 114, 10, Hi, ImEnd }, Tokenizer.Encode("<|im_start|>user\nhi<|im_end|>"));

    [Fact]
    public void Adjacent_special_tokens_and_text_around_them()
    {
        Assert.Equal(new[] { ImEnd, ImStart }, Tokenizer.Encode("<|im_end|><|im_start|>"));
        Assert.Equal(new[] { Hello, ImEnd, 10 }, Tokenizer.Encode("hello<|im_end|>\n"));
    }

    [Fact]
    public void Partial_special_token_is_plain_text() =>
        // "<|" "im" "_" "end" "|" ... encoded as ordinary bytes, never as <|im_end|>
        Assert.DoesNotContain(ImEnd, Tokenizer.Encode("<|im_end|"));

    [Fact]
    public void Lstrip_and_rstrip_absorb_the_surrounding_whitespace()
    {
        // "a" | " <mask> " | "b"  (without the strips: "a" "Ġ" <mask> "Ġb")
        Assert.Equal(new[] { 97, Mask, 98 }, Tokenizer.Encode("a <mask> b"));
        Assert.Equal(new[] { 97, Mask, 98 }, Tokenizer.Encode("a \t\n<mask>\n b"));
    }

    [Fact]
    public void Strip_does_not_reach_into_a_previous_match() =>
        Assert.Equal(new[] { Mask, Mask }, Tokenizer.Encode("<mask> <mask>"));

    [Fact]
    public void Normalized_added_token_matches_after_normalization() =>
        Assert.Equal(new[] { 120, Tool, 121 }, Tokenizer.Encode("x<tool>y"));

    [Fact]
    public void Single_word_token_only_matches_between_non_word_characters() =>
        // "x " | <sw> | " y<sw>": the second <sw> follows 'y', so it stays text: "Ġy" "<" "sw" ">"
        Assert.Equal(new[] { 120, 32, SingleWord, 32, 121, 60, 115, 119, 62 }, Tokenizer.Encode("x <sw> y<sw>"));

    [Fact]
    public void Longest_added_token_wins_at_the_same_position()
    {
        var json = Document(QwenPreTokenizer(), null);
        ((System.Text.Json.Nodes.JsonArray)json["added_tokens"]!).Add(Json.Added(307, "<|im"));
        var tokenizer = AssistantBuilder.Engine.Tokenization.HfTokenizer.FromJson(json.ToJsonString());
        Assert.Equal(new[] { ImStart, 307, 97 }, tokenizer.Encode("<|im_start|><|ima"));
    }
}

public class AddedTokenIdTests
{
    [Fact]
    public void Ids_are_assigned_as_hf_does_not_read_from_the_file()
    {
        // HF keeps the model's id for content it already knows and appends new content after the vocab,
        // whatever "id" the file says (it only warns).
        var json = ByteLevelFixture.Document(ByteLevelFixture.QwenPreTokenizer(), null);
        var added = (System.Text.Json.Nodes.JsonArray)json["added_tokens"]!;
        added.Clear();
        added.Add(Json.Added(5000, "<new>"));
        added.Add(Json.Added(7, "hello"));
        added.Add(Json.Added(9000, "<newer>"));
        var tokenizer = AssistantBuilder.Engine.Tokenization.HfTokenizer.FromJson(json.ToJsonString());
        Assert.Equal(300, tokenizer.TokenToId("<new>"));
        Assert.Equal(ByteLevelFixture.Hello, tokenizer.TokenToId("hello"));
        Assert.Equal(301, tokenizer.TokenToId("<newer>"));
        Assert.Equal(new[] { 300, ByteLevelFixture.Hello, 301 }, tokenizer.Encode("<new>hello<newer>"));
        Assert.Equal(302, tokenizer.VocabSize);
    }
}
