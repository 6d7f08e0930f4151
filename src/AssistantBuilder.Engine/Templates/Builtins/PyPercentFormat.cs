using System.Globalization;
using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's <c>'%s' % value</c> (and the <c>format</c> filter) for <c>%s</c>, <c>%r</c>, <c>%d</c>/<c>%i</c>, <c>%f</c> and <c>%%</c>.</summary>
internal static class PyPercentFormat
{
    private static readonly Dictionary<char, Func<object?, string>> Conversions = new()
    {
        ['s'] = PyFormat.Str,
        ['r'] = PyFormat.Repr,
        ['d'] = Integer,
        ['i'] = Integer,
        ['f'] = value => Number(value).ToString("F6", CultureInfo.InvariantCulture),
    };

    /// <summary>Formats with a tuple of arguments, or a single argument (<c>'%s' % x</c>).</summary>
    public static string Format(string format, object? arguments) =>
        Format(format, arguments is PyTuple tuple ? tuple : [arguments]);

    public static string Format(string format, IReadOnlyList<object?> arguments)
    {
        var result = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                result.Append(format[i]);
                continue;
            }

            var code = i + 1 < format.Length ? format[++i] : throw new TemplateFault("incomplete format");
            result.Append(code == '%' ? "%" : Convert(code, next < arguments.Count ? arguments[next++] : throw new TemplateFault("not enough arguments for format string")));
        }

        return next < arguments.Count ? throw new TemplateFault("not all arguments converted during string formatting") : result.ToString();
    }

    private static string Convert(char code, object? argument) => Conversions.TryGetValue(code, out var convert)
        ? convert(argument)
        : throw new TemplateFault($"unsupported format character '{code}'");

    private static string Integer(object? value) => value is double d
        ? ((long)Math.Truncate(d)).ToString(CultureInfo.InvariantCulture)
        : PyNumber.TryGetInteger(value, out var l) ? l.ToString(CultureInfo.InvariantCulture) : throw new TemplateFault($"%d format: a real number is required, not {PyType.Name(value)}");

    private static double Number(object? value) => PyNumber.TryGetDouble(value, out var d)
        ? d
        : throw new TemplateFault($"must be real number, not {PyType.Name(value)}");
}
