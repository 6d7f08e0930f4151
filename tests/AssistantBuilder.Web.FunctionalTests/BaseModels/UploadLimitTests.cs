using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace AssistantBuilder.Web.FunctionalTests.BaseModels;

/// <summary>Uploads:MaxModelBytes bounds an upload, whether the zip is big or its entries inflate past it.</summary>
public sealed class UploadLimitTests(UploadLimitTests.SmallLimitApp app) : IClassFixture<UploadLimitTests.SmallLimitApp>
{
    public sealed class SmallLimitApp : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Uploads:MaxModelBytes", "100000");
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_leaves_nothing()
    {
        var client = await app.SignedInClientAsync();
        // Zeros compress to almost nothing: the zip is small, its content is not.
        var bomb = ModelUploads.Zip([("config.json", "{}"u8.ToArray()), ("model.safetensors", new byte[500_000])]);
        Assert.True(bomb.Length < 100_000);
        var response = await client.PostAsync("/api/models/upload", ModelUploads.Form("big", ("big.zip", bomb)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Uploads:MaxModelBytes", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var plain = await client.PostAsync("/api/models/upload", ModelUploads.Form("big", ("model.safetensors", new byte[200_000])));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(app.DataDir, "models")));
    }
}
