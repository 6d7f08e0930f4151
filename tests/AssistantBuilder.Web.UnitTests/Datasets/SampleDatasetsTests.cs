using AssistantBuilder.Testing;
using AssistantBuilder.Web.Datasets;
using AssistantBuilder.Web.Hosting;

namespace AssistantBuilder.Web.UnitTests.Datasets;

public sealed class SampleDatasetsTests : IDisposable
{
    readonly string _dir = TempDir.Create("samples");
    public void Dispose() => TempDir.Delete(_dir);

    string Write(string root, string folder, string file, string text = "x")
    {
        string dir = Path.Combine(_dir, root, folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, file), text);
        return Path.Combine(_dir, root);
    }

    [Fact]
    public void Every_folder_with_a_train_file_is_a_sample_and_the_first_root_wins_a_name()
    {
        string shipped = Write("shipped", "b-sample", "train.csv", "q,a");
        Write("shipped", "a-sample", "train.jsonl");
        Write("shipped", "no-train", "eval.jsonl");
        string extra = Write("extra", "b-sample", "train.json", "[]");
        var paths = new DataPaths(Path.Combine(_dir, "data"), [], [shipped, extra, Path.Combine(_dir, "missing")]);

        var samples = new SampleDatasets(paths).List();

        Assert.Equal(["a-sample", "b-sample"], samples.Select(s => s.Name));
        Assert.Equal(("train.csv", 3L), (samples[1].FileName, samples[1].SizeBytes));
        Assert.Equal([Path.GetFullPath(shipped), Path.GetFullPath(extra)], paths.SampleRoots);
        Assert.Null(new SampleDatasets(paths).Find("no-train"));
        Assert.NotNull(new SampleDatasets(paths).Find("A-SAMPLE"));
    }

    [Theory]
    [InlineData("../../x.jsonl", "x.jsonl")]
    [InlineData(@"C:\Users\me\chats.csv", "chats.csv")]
    [InlineData("  café data.jsonl ", "café data.jsonl")]
    public void Only_the_base_name_of_an_upload_is_kept(string uploaded, string stored) =>
        Assert.Equal(stored, DatasetFileName.Clean(uploaded));

    [Theory]
    [InlineData("")]
    [InlineData("dir/")]
    [InlineData("..")]
    [InlineData(".env")]
    [InlineData("a\u0001b.jsonl")]
    [InlineData("what?.csv")]
    public void A_name_that_cannot_be_a_file_name_is_refused(string uploaded)
    {
        var problem = Assert.Throws<DatasetProblem>(() => DatasetFileName.Clean(uploaded));
        Assert.Equal(400, problem.Status);
    }
}
