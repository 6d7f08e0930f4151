using System.Runtime.CompilerServices;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Templates;
using AssistantBuilder.Engine.Tokenization;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine;

/// <summary>
/// An HF model folder ready to chat: weights, tokenizer, chat template and generation defaults, loaded together.
/// Streams text token by token; knows nothing of where the text goes.
/// </summary>
public sealed class ChatModel : IDisposable
{
    public string Directory { get; }
    public CausalLm Model { get; }
    public HfTokenizer Tokenizer { get; }
    public ChatTemplate Template { get; }
    public GenerationConfig GenerationConfig { get; }

    ChatModel(string directory, CausalLm model, HfTokenizer tokenizer, ChatTemplate template, GenerationConfig generation) =>
        (Directory, Model, Tokenizer, Template, GenerationConfig) = (directory, model, tokenizer, template, generation);

    /// <summary>
    /// Loads a model folder, and a PEFT LoRA adapter folder on top when given. For inference the adapter is merged
    /// into the base weights (decoding then costs what the base model costs); pass mergeAdapter: false to keep it apart.
    /// </summary>
    public static ChatModel Load(string directory, Device? device = null, ScalarType? dtype = null, string? adapterDirectory = null, bool mergeAdapter = true)
    {
        if (!System.IO.Directory.Exists(directory)) throw new Checkpoints.CheckpointException($"{directory}: model folder not found");
        var (tokenizer, template, generation) = LoadText(directory);
        var lora = adapterDirectory is null ? null : PeftAdapter.ReadConfig(adapterDirectory);
        var model = ModelLoader.Load(directory, device, dtype, lora);
        try
        {
            if (adapterDirectory is not null) PeftAdapter.LoadWeights(model, adapterDirectory);
            if (mergeAdapter) foreach (var (_, layer) in model.LoraLayers()) layer.Merge();
            model.eval(); // inference: an unmerged adapter's dropout stays off
        }
        catch { model.Dispose(); throw; }
        return new ChatModel(directory, model, tokenizer, template, generation);
    }

    /// <summary>
    /// Loads a model folder to serve many requests at once (<see cref="Serving.ServingEngine"/>): every projection is
    /// routed, so that LoRA adapters loaded later apply per request over this one copy of the base weights. On the CPU
    /// its weights are stored column-major (<see cref="CausalLm.UseColumnMajorWeights"/>).
    /// </summary>
    public static ChatModel LoadForServing(string directory, Device? device = null, ScalarType? dtype = null)
    {
        if (!System.IO.Directory.Exists(directory)) throw new Checkpoints.CheckpointException($"{directory}: model folder not found");
        var (tokenizer, template, generation) = LoadText(directory);
        var model = ModelLoader.Load(directory, device, dtype, router: new LoraRouter());
        model.eval();
        if (model.Device.type == TorchSharp.DeviceType.CPU) model.UseColumnMajorWeights(); // faster batched decode on MKL
        return new ChatModel(directory, model, tokenizer, template, generation);
    }

    /// <summary>
    /// Loads a model folder for fine-tuning: its projections wrapped with a new LoRA adapter (A random from the
    /// current torch seed, B zero) and only the adapter trainable.
    /// </summary>
    public static ChatModel LoadForTraining(string directory, LoraConfig lora, Device? device = null, ScalarType? dtype = null)
    {
        if (!System.IO.Directory.Exists(directory)) throw new Checkpoints.CheckpointException($"{directory}: model folder not found");
        lora.Validate();
        var (tokenizer, template, generation) = LoadText(directory);
        return new ChatModel(directory, ModelLoader.Load(directory, device, dtype, lora), tokenizer, template, generation);
    }

    /// <summary>
    /// Everything of a model folder but the weights: tokenizer.json, the chat template (ChatML when there is none)
    /// and generation_config.json. Enough to render and tokenize conversations as training does, without the weights.
    /// </summary>
    public static (HfTokenizer Tokenizer, ChatTemplate Template, GenerationConfig Generation) LoadText(string directory)
    {
        var tokenizer = HfTokenizer.FromFile(Path.Combine(directory, "tokenizer.json"));
        string templateConfig = Path.Combine(directory, "tokenizer_config.json");
        var template = File.Exists(templateConfig) ? ChatTemplate.FromTokenizerConfig(templateConfig) : ChatTemplate.ChatMl;
        return (tokenizer, template, GenerationConfig.FromDirectory(directory));
    }

    /// <summary>End-of-sequence ids from config.json, generation_config.json and the tokenizer's eos token.</summary>
    public IReadOnlyList<int> EosTokenIds => EndOfSequenceIds(Model.Config.EosTokenIds, GenerationConfig, Template, Tokenizer);

    /// <summary>End-of-sequence ids from config.json's ids, generation_config.json and the template's eos token, in that order.</summary>
    public static IReadOnlyList<int> EndOfSequenceIds(IReadOnlyList<int> configEosIds, GenerationConfig generation, ChatTemplate template, HfTokenizer tokenizer) =>
        configEosIds.Concat(generation.EosTokenIds)
            .Concat(template.EosToken is string eos && tokenizer.TokenToId(eos) is int id ? [id] : Array.Empty<int>())
            .Distinct().ToList();

    /// <summary>The model's chat template applied to the messages, as HF's apply_chat_template renders it.</summary>
    public string RenderChat(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true) =>
        Template.Render(messages, addGenerationPrompt);

    /// <summary>Rendered chat text is encoded without extra special tokens: the template already placed them.</summary>
    public IReadOnlyList<int> EncodeChat(string rendered) => Tokenizer.Encode(rendered, addSpecialTokens: false);

    /// <summary>Options from generation_config.json with this model's end-of-sequence ids.</summary>
    public GenerationOptions DefaultOptions() => GenerationConfig.Defaults() with { EosTokenIds = EosTokenIds };

    public async IAsyncEnumerable<GenerationChunk> GenerateAsync(IReadOnlyList<int> promptIds, GenerationOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var generator = new TokenGenerator(Model);
        int budget = generator.Budget(promptIds.Count, options.MaxNewTokens), count = 0;
        var decoder = Tokenizer.CreateStreamingDecoder(skipSpecialTokens: true);
        var stops = new StopStringFilter(options.StopStrings);
        await foreach (int id in generator.GenerateAsync(promptIds, options, cancellationToken))
        {
            var (text, stopped) = stops.Push(decoder.Push(id));
            string? finish = stopped || options.EosTokenIds.Contains(id) ? "stop" : ++count == budget ? "length" : null;
            if (finish is not null && !stopped) text += Drain(decoder, stops);
            yield return new GenerationChunk(id, text, finish);
            if (finish is not null) yield break;
        }
    }

    // The text still held by the decoder and the stop-string filter once generation ends.
    static string Drain(StreamingDecoder decoder, StopStringFilter stops)
    {
        var (text, stopped) = stops.Push(decoder.Flush());
        return stopped ? text : text + stops.Flush();
    }

    public void Dispose() => Model.Dispose();
}
