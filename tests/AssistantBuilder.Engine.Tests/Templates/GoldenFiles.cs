using System.Text.Json;

namespace AssistantBuilder.Engine.Tests.Templates;

/// <summary>Reads the goldens that make_goldens.py rendered with jinja2 (copied next to the test assembly).</summary>
internal static class GoldenFiles
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Templates", "goldens");

    public static IEnumerable<string> ChatTemplateGoldens() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.golden.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != "snippets.golden.json")
            .Order(StringComparer.Ordinal);

    public static JsonElement Load(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, fileName)));
        return document.RootElement.Clone();
    }

    public static string TemplatePath(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>A JSON object as template variables; the engine converts the <see cref="JsonElement"/> values itself.</summary>
    public static Dictionary<string, object?> Variables(JsonElement json) =>
        json.EnumerateObject().ToDictionary(property => property.Name, property => (object?)property.Value.Clone(), StringComparer.Ordinal);
}
