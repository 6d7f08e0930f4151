using System.Text.Json;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

public sealed class GenerateCommandTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);

    static JsonElement Json(AbProcess.Result r)
    {
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    [Fact]
    public async Task Json_output_follows_the_contract()
    {
        var json = Json(await AbProcess.RunAsync("generate", "--model", _tiny.Directory, "--prompt", "hello", "--system", "Be brief.",
            "--max-new-tokens", "12", "--device", "cpu", "--json"));
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\n", json.GetProperty("prompt").GetString());
        var promptIds = json.GetProperty("prompt_token_ids").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(TinyTokenizer.ImStart, promptIds[0]);
        Assert.Contains(256 + 2, promptIds); // "hell" merged: "h e" -> "he", "l l" -> "ll", "he ll" -> "hell"
        var ids = json.GetProperty("token_ids").EnumerateArray().Select(e => e.GetInt32()).ToList();
        string finish = json.GetProperty("finish_reason").GetString()!;
        Assert.True(finish == "length" ? ids.Count == 12 : ids[^1] == TinyTokenizer.ImEnd, $"{finish} after {ids.Count} tokens");
        Assert.True(json.GetProperty("time_to_first_token_ms").GetDouble() > 0);
        Assert.True(json.GetProperty("tokens_per_second").GetDouble() > 0);
        Assert.Equal(JsonValueKind.String, json.GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task Greedy_generation_is_deterministic_and_streaming_prints_the_same_text()
    {
        string[] args = ["generate", "--model", _tiny.Directory, "--prompt", "hi there", "--max-new-tokens", "16", "--temperature", "0"];
        var a = Json(await AbProcess.RunAsync([.. args, "--json"]));
        var b = Json(await AbProcess.RunAsync([.. args, "--json"]));
        Assert.Equal(a.GetProperty("token_ids").ToString(), b.GetProperty("token_ids").ToString());
        var streamed = await AbProcess.RunAsync(args);
        Assert.Equal(0, streamed.ExitCode);
        Assert.Equal(a.GetProperty("text").GetString() + "\n", streamed.Stdout);
    }

    [Fact]
    public async Task Raw_prompt_skips_the_template_and_messages_file_is_rendered()
    {
        var raw = Json(await AbProcess.RunAsync("generate", "--model", _tiny.Directory, "--prompt", "hello world", "--raw", "--max-new-tokens", "2", "--json"));
        Assert.Equal("hello world", raw.GetProperty("prompt").GetString());
        Assert.Equal([258, 111, 259, 260, 108, 100], raw.GetProperty("prompt_token_ids").EnumerateArray().Select(e => e.GetInt32()));

        string file = Path.Combine(_tiny.Directory, "messages.json");
        File.WriteAllText(file, """[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]""");
        var chat = Json(await AbProcess.RunAsync("generate", "--model", _tiny.Directory, "--messages", file, "--max-new-tokens", "2", "--json"));
        Assert.Equal("<|im_start|>user\na<|im_end|>\n<|im_start|>assistant\nb<|im_end|>\n<|im_start|>user\nc<|im_end|>\n<|im_start|>assistant\n",
            chat.GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task Seeded_sampling_reproduces_and_stop_strings_cut_the_text()
    {
        string[] args = ["generate", "--model", _tiny.Directory, "--prompt", "x", "--max-new-tokens", "24", "--temperature", "1.5", "--top-k", "50", "--top-p", "0.95", "--seed", "11", "--json"];
        var a = Json(await AbProcess.RunAsync(args));
        Assert.Equal(a.GetProperty("token_ids").ToString(), Json(await AbProcess.RunAsync(args)).GetProperty("token_ids").ToString());
        string text = a.GetProperty("text").GetString()!;
        if (text.Length >= 4)
        {
            string stop = text.Substring(2, 2);
            var cut = Json(await AbProcess.RunAsync([.. args, "--stop", stop]));
            Assert.Equal(text[..text.IndexOf(stop, StringComparison.Ordinal)], cut.GetProperty("text").GetString());
            Assert.Equal("stop", cut.GetProperty("finish_reason").GetString());
        }
    }

    [Theory]
    [InlineData("exactly one of --prompt or --messages")]
    [InlineData("model folder not found", "--prompt", "x", "--model", "/nonexistent/model")]
    [InlineData("--device gpu: expected auto, cpu or cuda", "--prompt", "x", "--device", "gpu")]
    [InlineData("top-p must be in (0, 1]", "--prompt", "x", "--top-p", "0")]
    public async Task Bad_input_gets_one_clear_line(string message, params string[] extra)
    {
        var args = new List<string> { "generate" };
        if (!extra.Contains("--model")) args.AddRange(["--model", _tiny.Directory]);
        args.AddRange(extra);
        var r = await AbProcess.RunAsync([.. args]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(message, r.Stderr + r.Stdout);
    }

    [Fact]
    public async Task Malformed_messages_file_names_the_message()
    {
        string file = Path.Combine(_tiny.Directory, "bad.json");
        File.WriteAllText(file, """[{"role":"user","content":"a"},{"role":"assistant"}]""");
        var r = await AbProcess.RunAsync("generate", "--model", _tiny.Directory, "--messages", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("message 1 has no string \"content\"", r.Stderr);
    }

    [Fact]
    public async Task Every_command_has_help()
    {
        foreach (var command in new[] { new[] { "generate" }, ["bench"], ["bench", "inference"] })
        {
            var r = await AbProcess.RunAsync([.. command, "--help"]);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("Usage:", r.Stdout);
        }
    }

    public void Dispose() => _tiny.Dispose();
}
