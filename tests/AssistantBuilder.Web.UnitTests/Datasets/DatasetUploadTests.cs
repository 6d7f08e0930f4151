using AssistantBuilder.Core.Storage;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Components.Datasets;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Datasets;
using AssistantBuilder.Web.Hosting;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AssistantBuilder.Web.UnitTests.Datasets;

/// <summary>The upload component against a real store (temporary data directory and SQLite file): report, refusal with lines, size limit.</summary>
public sealed class DatasetUploadTests : DatabaseTestContext
{
    readonly DataPaths _paths;

    public DatasetUploadTests() : base("upload-component")
    {
        _paths = new DataPaths(Dir, []);
        Services.AddSingleton(_paths);
        Services.Configure<UploadLimits>(l => l.MaxBytes = 2000);
        Services.AddSingleton<LabelMasks>();
        Services.AddSingleton<IArtifactStore>(new SharedFolderStore(Dir));
        Services.AddSingleton<DatasetStore>();
    }

    int Rows()
    {
        using var db = CreateDb();
        return db.Datasets.Count();
    }

    [Fact]
    public void A_good_file_is_imported_and_the_report_links_to_it()
    {
        DatasetDetail? imported = null;
        var cut = Render<DatasetUpload>(p => p.Add(c => c.OnImported, d => imported = d));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]}\nnot json\n", "chats.jsonl"));

        cut.WaitForAssertion(() => Assert.Contains("Imported 1 conversations as", cut.Markup));
        Assert.NotNull(imported);
        Assert.Contains($"datasets/{imported!.Dataset.Id}", cut.Markup);
        Assert.Contains("Rejected records (1)", cut.Markup);
        Assert.Equal(1, Rows());
    }

    [Fact]
    public void A_file_without_a_usable_record_shows_every_rejected_line_and_stores_nothing()
    {
        var cut = Render<DatasetUpload>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("{\"messages\":[]}\n{oops\n", "broken.jsonl"));

        cut.WaitForAssertion(() => Assert.Contains("no usable conversation in broken.jsonl", cut.Markup));
        var lines = cut.FindAll("td[data-label=Line]").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "2"], lines);
        Assert.Equal(0, Rows());
        Assert.DoesNotContain(Directory.GetDirectories(_paths.Datasets), d => !d.EndsWith(".incoming", StringComparison.Ordinal));
    }

    [Fact]
    public void Column_names_typed_in_the_form_import_a_csv_the_defaults_cannot()
    {
        DatasetDetail? imported = null;
        var cut = Render<DatasetUpload>(p => p.Add(c => c.OnImported, d => imported = d));
        cut.Find(".mud-expand-panel-header").Click(); // "Column and speaker names"
        Input(cut, "prompt-column").Change("ticket");
        Input(cut, "response-column").Change("resolution");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("ticket,resolution\nprinter jams,open tray 2\n", "faq.csv"));

        cut.WaitForAssertion(() => Assert.Contains("Imported 1 conversations as", cut.Markup));
        Assert.Equal(("openai", "faq.csv"), (imported!.Dataset.Format, imported.Dataset.OriginalFileName));
        Assert.Equal(1, Rows());
    }

    static AngleSharp.Dom.IElement Input(IRenderedComponent<DatasetUpload> cut, string testId) =>
        cut.Find($"[data-testid={testId}]") is { TagName: "INPUT" } input ? input : cut.Find($"[data-testid={testId}] input");

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var cut = Render<DatasetUpload>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(new string('x', 3000), "big.csv"));

        cut.WaitForAssertion(() => Assert.Contains("big.csv is too large (2.9 KB): the upload limit is 2 KB", cut.Markup));
        Assert.Equal(0, Rows());
    }
}
