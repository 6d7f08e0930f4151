using AssistantBuilder.Core.Training;

namespace AssistantBuilder.Core.Tests.Training;

public sealed class LoraDefaultsTests
{
    [Theory]
    [InlineData(5_401_856L, 5e-3, 8, 4)]         // data/models/default
    [InlineData(49_999_999L, 5e-3, 8, 4)]
    [InlineData(50_000_000L, 2e-4, 3, 8)]
    [InlineData(134_515_008L, 2e-4, 3, 8)]       // SmolLM2-135M-Instruct
    [InlineData(494_032_768L, 2e-4, 3, 8)]       // Qwen2.5-0.5B-Instruct
    public void Small_models_get_a_higher_rate_more_epochs_and_smaller_batches(long parameters, double rate, int epochs, int batch)
    {
        Assert.Equal(new LoraProfile(rate, epochs, batch), LoraDefaults.For(parameters));
    }

    [Fact]
    public void Describe_says_why()
    {
        Assert.Equal("defaults for a model of 5.4M parameters (under 50M)", LoraDefaults.Describe(5_401_856));
        Assert.Equal("defaults for a model of 134.5M parameters (at least 50M)", LoraDefaults.Describe(134_515_008));
    }
}
