using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Web.Components.Datasets;
using AssistantBuilder.Web.Datasets;
using MudBlazor.Services;

namespace AssistantBuilder.Web.UnitTests.Datasets;

/// <summary>The report's statistics cards: token counts or word estimates, too-long warnings, the histogram's bins.</summary>
public sealed class DatasetStatisticsViewTests : BunitContext
{
    public DatasetStatisticsViewTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    static DatasetReport Report(bool estimate, int tooLong, string? model) => new(
        new DatasetStatistics(40, 100, 12, 30, 95, [new HistogramBin(12, 20, 10), new HistogramBin(21, 29, 25), new HistogramBin(95, 95, 5)], tooLong, 3, estimate),
        [new RejectedRecord(4, "no assistant turn")], model);

    [Fact]
    public void Model_token_counts_are_named_and_every_card_shows_its_number()
    {
        var cut = Render<DatasetStatisticsView>(p => p.Add(c => c.Report, Report(false, 0, "default")).Add(c => c.Rejected, 1));

        Assert.Contains("Median tokens", cut.Markup);
        Assert.Contains("min 12 · max 95", cut.Markup);
        Assert.Contains("2.5 per conversation", cut.Markup);
        Assert.Contains("the default model's chat template", cut.Markup);
        Assert.DoesNotContain("Too long", cut.Markup);
        Assert.NotEmpty(cut.FindAll(".mud-chart"));
        Assert.Contains("12–20", cut.Markup); // a bin's label
        Assert.Contains(">95<", cut.Markup);  // a one-value bin is labelled by its value
    }

    [Fact]
    public void Word_estimates_and_too_long_conversations_are_called_out()
    {
        var cut = Render<DatasetStatisticsView>(p => p.Add(c => c.Report, Report(true, 2, null)));

        Assert.Contains("Median words", cut.Markup);
        Assert.Contains("Estimated as whitespace-separated words", cut.Markup);
        Assert.Contains("Too long", cut.Markup);
    }
}
