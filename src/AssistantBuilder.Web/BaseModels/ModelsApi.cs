using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AssistantBuilder.Web.BaseModels;

/// <summary>The base models API: list, details, rescan of the models folders, upload (zip or files), delete.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models");
        api.MapGet("/", async (ModelCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListAsync(ct)))
            .WithSummary("Every registered base model: name, source (Shipped, Pulled, Uploaded), architecture, parameters, dtype, context length, path.");
        api.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One base model with what its folder holds: config numbers, files and sizes, chat template, generation_config.json.");
        api.MapPost("/rescan", async (ModelCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.RescanAsync(ct)))
            .WithSummary("Registers model folders added since the last scan (e.g. by `ab models pull` into the data directory); returns the new ones.");
        api.MapPost("/upload", UploadAsync).DisableAntiforgery()
            .WithSummary("Uploads a model as multipart/form-data: one .zip of a Hugging Face model folder, or its files one by one " +
                "(config.json, *.safetensors, tokenizer.json, tokenizer_config.json, ...), and a 'name' field (defaults to the zip's name).");
        api.MapDelete("/{id:guid}", DeleteAsync)
            .WithSummary("Deletes a pulled or uploaded model and its folder; refused for shipped models and models an assistant or job uses.");
        return app;
    }

    static async Task<Results<Ok<ModelDetails>, ProblemHttpResult>> GetAsync(Guid id, ModelCatalog catalog, CancellationToken ct)
    {
        try { return TypedResults.Ok(await catalog.GetAsync(id, ct)); }
        catch (ModelRequestException ex) { return Problem(ex); }
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ModelCatalog catalog, CancellationToken ct)
    {
        try
        {
            await catalog.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }
        catch (ModelRequestException ex) { return Problem(ex); }
    }

    static async Task<Results<Created<ModelSummary>, ProblemHttpResult>> UploadAsync(HttpRequest request, ModelUploader uploader, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return TypedResults.Problem("Send the model as multipart/form-data: a .zip, or the model's files, and an optional 'name' field.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = uploader.MaxBytes + 1024 * 1024;

        await using var upload = uploader.Begin();
        try
        {
            string? name = null;
            int files = 0;
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                if (disposition.IsFileDisposition())
                {
                    files++;
                    await upload.AddFileAsync(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "",
                        section.Body, null, ct);
                }
                else if (disposition.IsFormDisposition() && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "name")
                {
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[201];
                    name = new string(buffer, 0, await text.ReadBlockAsync(buffer, ct));
                }
            }
            if (files == 0) return TypedResults.Problem("The upload holds no files: send a .zip of the model folder, or its files.", statusCode: StatusCodes.Status400BadRequest);
            var model = await upload.CommitAsync(name, ct);
            return TypedResults.Created($"/api/models/{model.Id}", model);
        }
        catch (ModelRequestException ex) { return Problem(ex); }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem($"The upload is larger than the limit of {uploader.MaxBytes} bytes (Uploads:MaxModelBytes).", statusCode: ex.StatusCode);
        }
        catch (InvalidDataException ex) { return TypedResults.Problem($"The multipart body is malformed: {ex.Message}", statusCode: StatusCodes.Status400BadRequest); }
    }

    static ProblemHttpResult Problem(ModelRequestException ex) => TypedResults.Problem(ex.Message, statusCode: ex.Status);
}
