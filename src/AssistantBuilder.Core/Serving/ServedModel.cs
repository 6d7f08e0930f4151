using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Serving;

namespace AssistantBuilder.Core.Serving;

/// <summary>One loaded base model and the continuous-batching engine that serves it.</summary>
public sealed class ServedModel : IDisposable
{
    readonly object _adapterLock = new();

    ServedModel(ChatModel chat, ServingEngine engine) => (Chat, Engine) = (chat, engine);

    public ChatModel Chat { get; }
    public ServingEngine Engine { get; }
    public string Directory => Chat.Directory;
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Chat.Directory));

    public static ServedModel Load(string directory, string device, ServingOptions? options)
    {
        var chat = ChatModel.LoadForServing(directory, DeviceSelector.Resolve(device));
        try { return new ServedModel(chat, new ServingEngine(chat, options)); }
        catch { chat.Dispose(); throw; }
    }

    /// <summary>Registers a PEFT adapter folder once; its id is its full path.</summary>
    public string EnsureAdapter(string adapterDirectory)
    {
        var id = Path.GetFullPath(adapterDirectory);
        lock (_adapterLock)
            if (!Engine.Adapters.Contains(id)) Engine.Adapters.Load(id, id);
        return id;
    }

    public void Dispose()
    {
        Engine.Dispose();
        Chat.Dispose();
    }
}
