using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab generate</c>: one prompt or conversation through a model folder, streamed or as one JSON object.</summary>
static class GenerateCommand
{
    static readonly Option<string> Model = new("--model") { Description = "Hugging Face model folder (config.json, safetensors, tokenizer.json).", Required = true };
    static readonly Option<string?> Adapter = new("--adapter") { Description = "PEFT LoRA adapter folder (adapter_config.json, adapter_model.safetensors) applied on top of --model." };
    static readonly Option<string?> Prompt = new("--prompt") { Description = "The prompt: one user message, rendered with the chat template (or raw with --raw)." };
    static readonly Option<bool> Raw = new("--raw") { Description = "Encode --prompt as the tokenizer does by default (its post-processor may add BOS), with no chat template." };
    static readonly Option<FileInfo?> Messages = new("--messages") { Description = "JSON file with an array of {\"role\", \"content\"} messages, rendered with the chat template." };
    static readonly Option<string?> System = new("--system") { Description = "System message placed before the prompt." };
    static readonly Option<int?> MaxNewTokens = new("--max-new-tokens") { Description = "Most tokens to generate (default: generation_config.json's, else 256)." };
    static readonly Option<double?> Temperature = new("--temperature") { Description = "0 = greedy; higher = more random (default: generation_config.json's, else greedy)." };
    static readonly Option<int?> TopK = new("--top-k") { Description = "Sample only among the K most likely tokens (0 = off)." };
    static readonly Option<double?> TopP = new("--top-p") { Description = "Sample only among the most likely tokens whose probabilities add up to P (1 = off)." };
    static readonly Option<double?> RepetitionPenalty = new("--repetition-penalty") { Description = "Above 1 discourages repeating tokens already seen (1 = off)." };
    static readonly Option<long?> Seed = new("--seed") { Description = "Seed for sampling, for reproducible output." };
    static readonly Option<string[]> Stop = new("--stop") { Description = "Stop when this text appears (repeatable); the text itself is not printed.", AllowMultipleArgumentsPerToken = false };
    static readonly Option<string> Device = CommonOptions.Device();
    static readonly Option<bool> Json = CommonOptions.Json("Print one JSON object: prompt, prompt_token_ids, token_ids, text, finish_reason, time_to_first_token_ms, tokens_per_second.");

    public static Command Create()
    {
        var command = new Command("generate", "Generate a reply with a Hugging Face model folder, streaming it to stdout.")
        {
            Model, Adapter, Prompt, Raw, Messages, System, MaxNewTokens, Temperature, TopK, TopP, RepetitionPenalty, Seed, Stop, Device, Json,
        };
        command.Validators.Add(result =>
        {
            bool prompt = result.GetValue(Prompt) is not null, messages = result.GetValue(Messages) is not null;
            if (prompt == messages) result.AddError("give exactly one of --prompt or --messages");
            else if (result.GetValue(Raw) && !prompt) result.AddError("--raw applies to --prompt only");
            else if (result.GetValue(Raw) && result.GetValue(System) is not null) result.AddError("--system needs the chat template; it cannot be combined with --raw");
        });
        command.SetAction((result, ct) => CliErrors.Run(() => RunAsync(result, ct)));
        return command;
    }

    static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        var device = DeviceSelector.Resolve(result.GetValue(Device)!);
        var messages = result.GetValue(Messages) is { } file ? MessagesFile.Read(file.FullName) : null;
        using var chat = ChatModel.Load(result.GetValue(Model)!, device, adapterDirectory: result.GetValue(Adapter));
        string prompt = result.GetValue(Raw) ? result.GetValue(Prompt)! : chat.RenderChat(messages ?? WithSystem(result));
        var promptIds = result.GetValue(Raw) ? chat.Tokenizer.Encode(prompt) : chat.EncodeChat(prompt);
        var options = Options(result, chat.DefaultOptions());
        bool json = result.GetValue(Json);

        var ids = new List<int>();
        var text = new System.Text.StringBuilder();
        string finish = "length";
        var watch = Stopwatch.StartNew();
        double firstTokenMs = 0;
        await foreach (var chunk in chat.GenerateAsync(promptIds, options, ct))
        {
            if (ids.Count == 0) firstTokenMs = watch.Elapsed.TotalMilliseconds;
            if (chunk.TokenId >= 0) ids.Add(chunk.TokenId);
            text.Append(chunk.Text);
            finish = chunk.FinishReason ?? finish;
            if (!json) { Console.Write(chunk.Text); Console.Out.Flush(); }
        }
        double decodeSeconds = (watch.Elapsed.TotalMilliseconds - firstTokenMs) / 1000;
        double tokensPerSecond = ids.Count > 1 ? (ids.Count - 1) / decodeSeconds : ids.Count / (firstTokenMs / 1000);
        if (!json) { Console.WriteLine(); return 0; }
        Console.WriteLine(JsonSerializer.Serialize(new GenerateOutput(prompt, promptIds, ids, text.ToString(), finish,
            Math.Round(firstTokenMs, 2), Math.Round(tokensPerSecond, 2)), JsonDefaults.Snake));
        return 0;
    }

    static List<ChatMessage> WithSystem(ParseResult result)
    {
        var list = new List<ChatMessage>();
        if (result.GetValue(System) is { } system) list.Add(new ChatMessage("system", system));
        list.Add(new ChatMessage("user", result.GetValue(Prompt)!));
        return list;
    }

    static GenerationOptions Options(ParseResult r, GenerationOptions defaults) => defaults with
    {
        MaxNewTokens = r.GetValue(MaxNewTokens) ?? defaults.MaxNewTokens,
        Temperature = r.GetValue(Temperature) ?? defaults.Temperature,
        TopK = r.GetValue(TopK) ?? defaults.TopK,
        TopP = r.GetValue(TopP) ?? defaults.TopP,
        RepetitionPenalty = r.GetValue(RepetitionPenalty) ?? defaults.RepetitionPenalty,
        Seed = r.GetValue(Seed),
        StopStrings = r.GetValue(Stop) ?? [],
    };

    sealed record GenerateOutput(string Prompt, IReadOnlyList<int> PromptTokenIds, IReadOnlyList<int> TokenIds, string Text,
        string FinishReason, double TimeToFirstTokenMs, double TokensPerSecond);
}
