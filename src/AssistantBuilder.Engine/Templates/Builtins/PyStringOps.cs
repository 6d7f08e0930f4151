using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>The Python <c>str</c> operations that both methods and filters need.</summary>
internal static class PyStringOps
{
    public static string Strip(string value, object? chars, bool start = true, bool end = true)
    {
        if (chars is null or Undefined)
        {
            return start && end ? value.Trim() : start ? value.TrimStart() : value.TrimEnd();
        }

        var set = ArgumentText(chars, "strip").ToCharArray();
        return start && end ? value.Trim(set) : start ? value.TrimStart(set) : value.TrimEnd(set);
    }

    public static List<object?> Split(string value, object? separator, long maxSplit)
    {
        var count = maxSplit < 0 ? int.MaxValue : (int)Math.Min(maxSplit + 1, int.MaxValue);
        if (separator is null or Undefined)
        {
            return [.. SplitWhitespace(value, count)];
        }

        var text = ArgumentText(separator, "split");
        return text.Length == 0
            ? throw new TemplateFault("empty separator")
            : [.. value.Split(text, count)];
    }

    public static string Replace(string value, string old, string replacement, long count)
    {
        if (count < 0)
        {
            return old.Length == 0 ? InsertEverywhere(value, replacement) : value.Replace(old, replacement, StringComparison.Ordinal);
        }

        var result = value;
        var from = 0;
        for (var done = 0L; done < count; done++)
        {
            var at = result.IndexOf(old, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            result = string.Concat(result.AsSpan(0, at), replacement, result.AsSpan(at + old.Length));
            from = at + replacement.Length;
        }

        return result;
    }

    /// <summary>Python's <c>str.title()</c>: upper-case a letter that follows a non-letter, lower-case the rest.</summary>
    public static string Title(string value)
    {
        var result = new StringBuilder(value.Length);
        var previousCased = false;
        foreach (var c in value)
        {
            result.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousCased = char.IsUpper(c) || char.IsLower(c);
        }

        return result.ToString();
    }

    public static string Capitalize(string value) => value.Length == 0
        ? value
        : char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant();

    public static string ArgumentText(object? value, string function) => value as string
        ?? throw new TemplateFault($"{function}() argument must be str, not {PyType.Name(value)}");

    private static IEnumerable<object?> SplitWhitespace(string value, int count)
    {
        var parts = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length <= count)
        {
            return parts;
        }

        var rest = value.TrimStart();
        var head = new List<object?>();
        for (var i = 0; i < count - 1; i++)
        {
            var end = rest.IndexOfAny([' ', '\t', '\n', '\r', '\f', '\v']);
            head.Add(rest[..end]);
            rest = rest[end..].TrimStart();
        }

        head.Add(rest);
        return head;
    }

    private static string InsertEverywhere(string value, string insert) =>
        insert + string.Join(insert, PyString.Characters(value)) + (value.Length > 0 ? insert : string.Empty);
}
