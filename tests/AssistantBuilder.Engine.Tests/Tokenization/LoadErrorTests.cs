using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Tests.Tokenization;

public class LoadErrorTests
{
    [Fact]
    public void Missing_file_names_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "tokenizer.json");
        var ex = Assert.Throws<FileNotFoundException>(() => HfTokenizer.FromFile(path));
        Assert.Contains(path, ex.Message);
        Assert.Equal(path, ex.FileName);
    }

    [Fact]
    public void File_round_trip_loads()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tok-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ByteLevelFixture.Document(ByteLevelFixture.QwenPreTokenizer(), null).ToJsonString());
        try
        {
            Assert.Equal(new[] { ByteLevelFixture.Hello }, HfTokenizer.FromFile(path).Encode("hello"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"model\": { \"type\": \"BPE\", ");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => HfTokenizer.FromFile(path));
            Assert.Contains(path, ex.Message);
            Assert.Contains("invalid JSON", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Unigram")]
    [InlineData("WordPiece")]
    [InlineData("WordLevel")]
    public void Unsupported_model_type_is_named(string type)
    {
        string json = new JsonObject { ["model"] = new JsonObject { ["type"] = type, ["vocab"] = new JsonObject() } }.ToJsonString();
        var ex = Assert.Throws<NotSupportedException>(() => HfTokenizer.FromJson(json, "models/x/tokenizer.json"));
        Assert.Contains("models/x/tokenizer.json", ex.Message);
        Assert.Contains($"model type '{type}'", ex.Message);
    }

    [Theory]
    [InlineData("normalizer", "BertNormalizer")]
    [InlineData("pre_tokenizer", "BertPreTokenizer")]
    [InlineData("decoder", "WordPiece")]
    [InlineData("post_processor", "Fancy")]
    public void Unsupported_component_type_is_named(string component, string type)
    {
        JsonObject document = ByteLevelFixture.Document(ByteLevelFixture.QwenPreTokenizer(), null);
        document[component] = new JsonObject { ["type"] = type };
        var ex = Assert.Throws<NotSupportedException>(() => HfTokenizer.FromJson(document.ToJsonString(), "my.json"));
        Assert.Contains("my.json", ex.Message);
        Assert.Contains($"{component} type '{type}'", ex.Message);
    }

    [Fact]
    public void Missing_model_is_invalid_data()
    {
        var ex = Assert.Throws<InvalidDataException>(() => HfTokenizer.FromJson("{\"version\":\"1.0\"}", "t.json"));
        Assert.Contains("t.json", ex.Message);
        Assert.Contains("'model'", ex.Message);
    }

    [Fact]
    public void Merge_with_an_unknown_token_is_invalid_data()
    {
        JsonObject model = Json.BpeModel(new JsonObject { ["a"] = 0, ["b"] = 1 }, ["a b"]);
        var ex = Assert.Throws<InvalidDataException>(() => HfTokenizer.FromJson(new JsonObject { ["model"] = model }.ToJsonString(), "t.json"));
        Assert.Contains("t.json", ex.Message);
        Assert.Contains("'ab'", ex.Message);
    }

    [Fact]
    public void Malformed_merge_is_invalid_data()
    {
        JsonObject model = Json.BpeModel(new JsonObject { ["a"] = 0, ["b"] = 1, ["ab"] = 2 }, ["a b c"]);
        var ex = Assert.Throws<InvalidDataException>(() => HfTokenizer.FromJson(new JsonObject { ["model"] = model }.ToJsonString(), "t.json"));
        Assert.Contains("merge #1", ex.Message);
    }

    [Fact]
    public void Regex_net_cannot_compile_is_not_supported()
    {
        JsonObject document = ByteLevelFixture.Document(ByteLevelFixture.Split(@"\p{Han}++"), null);
        var ex = Assert.Throws<NotSupportedException>(() => HfTokenizer.FromJson(document.ToJsonString(), "t.json"));
        Assert.Contains("t.json", ex.Message);
    }

    [Fact]
    public void Dropout_is_not_supported()
    {
        JsonObject model = Json.BpeModel(new JsonObject { ["a"] = 0 }, []);
        model["dropout"] = 0.1;
        var ex = Assert.Throws<NotSupportedException>(() => HfTokenizer.FromJson(new JsonObject { ["model"] = model }.ToJsonString(), "t.json"));
        Assert.Contains("dropout", ex.Message);
    }
}
