using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Testing;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Modeling;

public class ColumnMajorWeightsTests
{
    [Fact]
    public void Column_major_weights_keep_names_shapes_values_and_outputs_and_save_as_before()
    {
        using var tiny = TinyModel.Create(TinyModel.DefaultConfig() with { TieWordEmbeddings = false });
        using var rowMajor = ModelLoader.Load(tiny.Directory);
        using var columnMajor = ModelLoader.Load(tiny.Directory);
        columnMajor.UseColumnMajorWeights();
        using var scope = NewDisposeScope();

        var before = rowMajor.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var after = columnMajor.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, p) in after)
        {
            Assert.True(p.equal(before[name]).all().item<bool>(), $"{name} keeps its values");
            if (p.dim() == 2) Assert.Equal([1, p.shape[0]], p.stride()); // [out, in] over an [in, out] buffer
        }

        var ids = tensor(new long[] { 5, 17, 200, 3, 99, 42 }).view(2, 3);
        using (no_grad())
        {
            double error = (rowMajor.Forward(ids) - columnMajor.Forward(ids)).abs().max().item<float>();
            Assert.True(error < 1e-4, $"max |logit difference| = {error}");
        }

        string saved = TempDir.Create("column-major");
        try
        {
            ModelSaver.Save(columnMajor, saved, copyTokenizerFrom: tiny.Directory);
            using var reloaded = ModelLoader.Load(saved);
            foreach (var (name, p) in reloaded.named_parameters())
                Assert.True(p.equal(before[name]).all().item<bool>(), $"{name} saved and reloaded unchanged");
        }
        finally { TempDir.Delete(saved); }
    }
}
