using System.Text;
using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace AssistantBuilder.Web.Datasets;

/// <summary>/api/datasets: upload (multipart), list, details with the import report, rename, delete, label-mask preview, samples.</summary>
public static class DatasetsApi
{
    /// <summary>Room for the multipart boundaries, headers and the small form fields around the file.</summary>
    const long FormOverhead = 64 * 1024;
    const int MaxFieldLength = 1024;

    public static WebApplicationBuilder AddDatasets(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<UploadLimits>(builder.Configuration.GetSection("Uploads"));
        builder.Services.AddSingleton<LabelMasks>();
        builder.Services.AddSingleton<SampleDatasets>();
        builder.Services.AddSingleton<DatasetStore>();
        builder.Services.AddSingleton<DatasetPreviewer>();
        return builder;
    }

    /// <summary>Maps the routes, and removes partial uploads a crash left in datasets/.incoming/.</summary>
    public static WebApplication MapDatasetsApi(this WebApplication app)
    {
        app.Services.GetRequiredService<DatasetStore>().CleanIncoming();
        var api = app.MapGroup("/api/datasets").WithTags("Datasets");
        api.MapGet("/", async (DatasetStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithSummary("The datasets, newest first.");
        // Cookie-authenticated JSON API: the session cookie is SameSite=Strict, so a cross-site form cannot post here
        // with it; the endpoint reads the multipart body itself, and antiforgery tokens are for the app's own forms.
        api.MapPost("/", UploadAsync).DisableAntiforgery()
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(DatasetUploadForm), null, ct) },
                },
            })
            .WithSummary("Upload and import a dataset file (multipart field 'file', optional 'name', 'format', and for CSV 'promptColumn', 'responseColumn', 'systemColumn', for transcripts 'speakers' as LABEL=ROLE,...; a mapped upload is stored as OpenAI chat JSONL). 413 over Uploads:MaxBytes; 422 with every rejected line when no conversation is usable; nothing is stored then.");
        api.MapGet("/samples", (SampleDatasets samples) => TypedResults.Ok(samples.List()))
            .WithSummary("The sample datasets shipped with the app.");
        api.MapPost("/samples/{name}", ImportSampleAsync)
            .WithSummary("Import a shipped sample dataset by name.");
        api.MapGet("/{id:guid}", GetAsync).WithSummary("A dataset with its import report: statistics, token-length histogram, rejected records.");
        api.MapPatch("/{id:guid}", RenameAsync).WithSummary("Rename a dataset.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a dataset and its stored file (409 while fine-tuning jobs use it).");
        api.MapGet("/{id:guid}/preview", PreviewAsync)
            .WithSummary("Conversations rendered with a base model's chat template (default: the shipped default model), each turn split into segments flagged trained or not: the tokens the loss is computed on.");
        return app;
    }

    static async Task<Results<Created<DatasetDetail>, ProblemHttpResult>> UploadAsync(HttpContext http, DatasetStore store, CancellationToken ct)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return Problem(DatasetProblem.BadRequest("send the dataset as multipart/form-data with the file in a 'file' field (optional fields: 'name', 'format', 'promptColumn', 'responseColumn', 'systemColumn', 'speakers')"));
        long limit = store.Limits.MaxBytes + FormOverhead;
        if (request.ContentLength > limit)
            return Problem(DatasetProblem.TooLarge(store.Limits.TooLarge("the upload", request.ContentLength)));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit;

        StagedUpload? staged = null;
        try
        {
            string? name = null, format = null;
            var mapping = new ImportMapping();
            var reader = new MultipartReader(boundary, request.Body);
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                if (disposition.IsFileDisposition())
                {
                    if (staged is not null) throw DatasetProblem.BadRequest("one file per upload, please");
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
                    staged = await store.StageAsync(section.Body, HeaderUtilities.RemoveQuotes(fileName).Value ?? "", null, ct);
                }
                else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value is { } field && field is "name" or "format" or "promptColumn" or "responseColumn" or "systemColumn" or "speakers")
                {
                    string value = await ReadFieldAsync(section.Body, field, ct);
                    string? given = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
                    switch (field)
                    {
                        case "name": name = value; break;
                        case "format": format = value; break;
                        case "promptColumn": mapping = mapping with { PromptColumn = given }; break;
                        case "responseColumn": mapping = mapping with { ResponseColumn = given }; break;
                        case "systemColumn": mapping = mapping with { SystemColumn = given }; break;
                        default: mapping = mapping with { Speakers = given }; break;
                    }
                }
            }
            if (staged is null) throw DatasetProblem.BadRequest("no file in the form: send the dataset in a 'file' field");
            var detail = await store.ImportStagedAsync(staged, name, DatasetStore.ParseFormat(format), ct, mapping);
            return TypedResults.Created($"/api/datasets/{detail.Dataset.Id}", detail);
        }
        catch (DatasetProblem p) { return Problem(p); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(DatasetProblem.TooLarge(store.Limits.TooLarge("the upload", null)));
        }
        catch (InvalidDataException e) { return Problem(DatasetProblem.BadRequest($"malformed multipart body: {e.Message}")); }
        finally { staged?.Dispose(); }
    }

    static async Task<string> ReadFieldAsync(Stream body, string field, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[MaxFieldLength + 1];
        int length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (length > MaxFieldLength) throw DatasetProblem.BadRequest($"{field}: longer than {MaxFieldLength} characters");
        return new string(buffer, 0, length);
    }

    static async Task<Results<Created<DatasetDetail>, ProblemHttpResult>> ImportSampleAsync(string name, SampleDatasets samples, DatasetStore store, CancellationToken ct)
    {
        try
        {
            if (await store.ImportSampleAsync(samples.Find(name), ct) is { } detail)
                return TypedResults.Created($"/api/datasets/{detail.Dataset.Id}", detail);
            return NotFound($"there is no sample dataset '{name}'; samples: {string.Join(", ", samples.List().Select(s => s.Name))}");
        }
        catch (DatasetProblem p) { return Problem(p); }
    }

    static async Task<Results<Ok<DatasetDetail>, ProblemHttpResult>> GetAsync(Guid id, DatasetStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : NotFound(NoDataset(id));

    static async Task<Results<Ok<DatasetSummary>, ProblemHttpResult>> RenameAsync(Guid id, RenameRequest request, DatasetStore store, CancellationToken ct)
    {
        try { return await store.RenameAsync(id, request.Name, ct) is { } renamed ? TypedResults.Ok(renamed) : NotFound(NoDataset(id)); }
        catch (DatasetProblem p) { return Problem(p); }
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, DatasetStore store, CancellationToken ct)
    {
        try { return await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(NoDataset(id)); }
        catch (DatasetProblem p) { return Problem(p); }
    }

    static async Task<Results<Ok<PreviewPage>, ProblemHttpResult>> PreviewAsync(
        Guid id, Guid? model, int? skip, int? take, DatasetPreviewer previewer, CancellationToken ct)
    {
        try
        {
            return await previewer.PreviewAsync(id, model, skip ?? 0, take ?? DatasetPreviewer.DefaultTake, ct) is { } page
                ? TypedResults.Ok(page) : NotFound(NoDataset(id));
        }
        catch (DatasetProblem p) { return Problem(p); }
    }

    static string NoDataset(Guid id) => $"there is no dataset {id}";

    static ProblemHttpResult NotFound(string message) => TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound);

    static ProblemHttpResult Problem(DatasetProblem p) => TypedResults.Problem(p.Message, statusCode: p.Status,
        extensions: p.Rejected.Count == 0 ? null : new Dictionary<string, object?> { ["rejected"] = p.Rejected });
}
