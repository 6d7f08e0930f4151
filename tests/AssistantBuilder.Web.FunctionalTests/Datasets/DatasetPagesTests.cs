using System.Net;
using System.Net.Http.Json;
using static AssistantBuilder.Web.FunctionalTests.Datasets.DatasetUploads;

namespace AssistantBuilder.Web.FunctionalTests.Datasets;

/// <summary>The pages render (prerendered HTML) for a signed-in operator: list, samples offer, report and label-mask preview.</summary>
public sealed class DatasetPagesTests : IClassFixture<WebAppFactory>
{
    readonly WebAppFactory _app;
    public DatasetPagesTests(WebAppFactory app) => _app = app;

    [Fact]
    public async Task The_list_offers_the_samples_and_the_detail_page_shows_the_report_and_the_highlighted_preview()
    {
        var client = await _app.SignedInClientAsync();
        var empty = await client.GetStringAsync("/datasets");
        Assert.Contains("Try a sample", empty);
        Assert.Contains("brightwave-support", empty);
        Assert.Contains("Drop a dataset file here", empty);

        var response = await client.PostAsync("/api/datasets/samples/brightwave-support", null);
        var detail = (await response.Content.ReadFromJsonAsync<Detail>(Json))!;
        Assert.Contains("brightwave-support", await client.GetStringAsync("/datasets"));

        var page = await client.GetAsync($"/datasets/{detail.Dataset.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Conversation length", html);
        Assert.Contains("Median tokens", html);
        Assert.Contains("is what the model learns to write", html);
        Assert.Contains("segment-trained", html);
        Assert.Contains("bubble-assistant", html);
    }
}
