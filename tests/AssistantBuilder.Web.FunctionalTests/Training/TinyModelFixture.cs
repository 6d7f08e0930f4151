using AssistantBuilder.Testing;

namespace AssistantBuilder.Web.FunctionalTests.Training;

/// <summary>A tiny random Llama (HF layout, ChatML template) shared by a test class's jobs.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModel Model { get; } = TinyModel.Create(TinyModel.DefaultConfig() with { MaxPositionEmbeddings = 256 });

    public void Dispose() => Model.Dispose();
}
