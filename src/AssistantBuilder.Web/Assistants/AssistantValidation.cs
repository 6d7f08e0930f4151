using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Assistants;

/// <summary>
/// Checks an assistant's fields: name, system prompt, generation settings (their [Range] attributes) and widget
/// settings (title, welcome, colour, origins). Errors are keyed by the JSON path of the field, e.g. <c>generation.topP</c>
/// or <c>widget.allowedOrigins[1]</c>. Origins come back normalised.
/// </summary>
public static partial class AssistantValidation
{
    public const int MaxName = 100, MaxSystemPrompt = 32_000, MaxTitle = 80, MaxWelcome = 1_000, MaxOrigins = 50;

    public static Dictionary<string, string[]> Validate(string name, string systemPrompt, GenerationSettings generation, WidgetSettings widget,
        out WidgetSettings normalized)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string key, string message) => (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(message);

        if (string.IsNullOrWhiteSpace(name)) Add("name", "A name is required.");
        else if (name.Trim().Length > MaxName) Add("name", $"The name is longer than {MaxName} characters.");
        if ((systemPrompt ?? "").Length > MaxSystemPrompt) Add("systemPrompt", $"The system prompt is longer than {MaxSystemPrompt} characters.");

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(generation, new ValidationContext(generation), results, validateAllProperties: true);
        foreach (var r in results)
            foreach (var member in r.MemberNames) Add("generation." + Camel(member), r.ErrorMessage ?? $"{member} is out of range.");

        if (string.IsNullOrWhiteSpace(widget.Title)) Add("widget.title", "The widget needs a title.");
        else if (widget.Title.Length > MaxTitle) Add("widget.title", $"The title is longer than {MaxTitle} characters.");
        if ((widget.WelcomeMessage ?? "").Length > MaxWelcome) Add("widget.welcomeMessage", $"The welcome message is longer than {MaxWelcome} characters.");
        if (!Colour().IsMatch(widget.PrimaryColor ?? ""))
            Add("widget.primaryColor", $"'{widget.PrimaryColor}' is not a colour: use #rrggbb (or #rrggbbaa).");
        var origins = new List<string>();
        var given = widget.AllowedOrigins ?? [];
        if (given.Count > MaxOrigins) Add("widget.allowedOrigins", $"At most {MaxOrigins} origins.");
        for (int i = 0; i < given.Count; i++)
        {
            if (OriginRules.TryNormalize(given[i], out var origin, out var error)) { if (!origins.Contains(origin)) origins.Add(origin); }
            else Add($"widget.allowedOrigins[{i}]", error);
        }
        normalized = widget with { Title = widget.Title?.Trim() ?? "", WelcomeMessage = widget.WelcomeMessage ?? "", PrimaryColor = widget.PrimaryColor?.ToLowerInvariant() ?? "", AllowedOrigins = origins };
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex Colour();
}
