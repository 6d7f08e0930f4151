using System.Net.Http.Headers;
using System.Text.Json;

namespace AssistantBuilder.Web.FunctionalTests.Datasets;

/// <summary>Multipart uploads, the shipped samples' files, and the JSON shapes the tests read back.</summary>
static class DatasetUploads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MultipartFormDataContent Form(byte[] content, string fileName, string? name = null, string? format = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (name is not null) form.Add(new StringContent(name), "name");
        if (format is not null) form.Add(new StringContent(format), "format");
        return form;
    }

    public static string SampleFile(string folder, string file) => Path.Combine(RepositoryRoot(), "data", "samples", folder, file);

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no AssistantBuilder.sln above {AppContext.BaseDirectory}");
    }

    public sealed record Summary(Guid Id, string Name, string Format, string OriginalFileName, long SizeBytes, int Conversations, int RejectedCount);
    public sealed record Rejected(int Line, string Reason);
    public sealed record Bin(int From, int To, int Count);
    public sealed record Statistics(int Conversations, int Turns, int MinTokens, int MedianTokens, int MaxTokens, List<Bin> Histogram, bool TokenCountIsEstimate);
    public sealed record Report(Statistics Statistics, List<Rejected> Rejected, string? TokenizerModel);
    public sealed record Detail(Summary Dataset, Report Report);
    public sealed record Problem(string? Detail, int Status, List<Rejected>? Rejected);
    public sealed record Segment(string Text, bool Trained, int Tokens);
    public sealed record Turn(string Role, string Content, List<Segment> Segments);
    public sealed record Conversation(int SourceLine, int Tokens, int TrainedTokens, List<Turn> Turns, string? Error);
    public sealed record Preview(Guid ModelId, string ModelName, List<string> EndOfTurnTokens, int Total, int Skip, int Take, List<Conversation> Conversations);
    public sealed record Sample(string Name, string FileName, long SizeBytes, string Description);
}
