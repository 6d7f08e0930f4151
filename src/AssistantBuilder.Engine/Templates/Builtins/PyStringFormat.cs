using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>A small <c>str.format</c>: <c>{}</c>, <c>{0}</c>, <c>{name}</c> and <c>{{</c>/<c>}}</c>; no format specs.</summary>
internal static class PyStringFormat
{
    public static string Format(string template, CallArguments args)
    {
        var result = new StringBuilder();
        var nextIndex = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                result.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i);
                if (close < 0)
                {
                    throw new TemplateFault("Single '{' encountered in format string");
                }

                result.Append(PyFormat.Str(Field(template[(i + 1)..close], args, ref nextIndex)));
                i = close;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static object? Field(string name, CallArguments args, ref int nextIndex)
    {
        if (name.Length == 0)
        {
            name = (nextIndex++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (int.TryParse(name, out var index))
        {
            return index < args.Positional.Count
                ? args.Positional[index]
                : throw new TemplateFault($"Replacement index {index} out of range for positional args tuple");
        }

        return args.Named.TryGetValue(name, out var value) ? value : throw new TemplateFault($"KeyError: '{name}'");
    }
}
