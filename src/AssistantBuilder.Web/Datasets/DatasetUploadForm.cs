namespace AssistantBuilder.Web.Datasets;

/// <summary>The multipart form of POST /api/datasets (documentation only: the endpoint streams the body itself).</summary>
/// <param name="File">The dataset file: OpenAI chat JSONL, ShareGPT, Alpaca, CSV/TSV or a plain-text transcript.</param>
/// <param name="Name">The dataset's name; default: the file name without its extension.</param>
/// <param name="Format">auto (default), openai, sharegpt, alpaca, csv or transcript.</param>
public sealed record DatasetUploadForm(IFormFile File, string? Name, string? Format);
