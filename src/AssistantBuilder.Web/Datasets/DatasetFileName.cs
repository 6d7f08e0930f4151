namespace AssistantBuilder.Web.Datasets;

/// <summary>
/// The name an uploaded file is stored under: only its last path segment (so <c>../../x.jsonl</c> or
/// <c>C:\Users\me\x.jsonl</c> become <c>x.jsonl</c>), refused when that is empty, hidden, too long or has
/// characters no file name may have.
/// </summary>
public static class DatasetFileName
{
    public const int MaxLength = 150;

    /// <exception cref="DatasetProblem">400: the name cannot be used.</exception>
    public static string Clean(string? uploaded)
    {
        string baseName = (uploaded ?? "").Replace('\\', '/').Split('/')[^1].Trim();
        string? problem = baseName switch
        {
            "" => "the upload has no file name; send the file with a name such as chats.jsonl",
            "." or ".." => $"'{uploaded}' is not a file name",
            _ when baseName.StartsWith('.') => $"the file name '{baseName}' starts with a dot; rename the file, e.g. to data{baseName}",
            _ when baseName.Length > MaxLength => $"the file name is {baseName.Length} characters long; the limit is {MaxLength}",
            _ when baseName.Any(c => char.IsControl(c) || Array.IndexOf(Path.GetInvalidFileNameChars(), c) >= 0 || c is ':' or '*' or '?' or '"' or '<' or '>' or '|')
                => $"the file name '{Printable(baseName)}' has characters a file name may not have (control characters or : * ? \" < > |)",
            _ => null,
        };
        return problem is null ? baseName : throw DatasetProblem.BadRequest(problem);
    }

    static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
