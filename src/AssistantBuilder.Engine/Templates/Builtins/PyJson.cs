using System.Globalization;
using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's <c>json.dumps</c>, byte for byte: separators, indentation, float repr and escaping.</summary>
internal sealed class PyJson
{
    private static readonly Dictionary<char, string> Escapes = new()
    {
        ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t", ['\b'] = "\\b", ['\f'] = "\\f",
    };

    private readonly StringBuilder _output = new();
    private readonly PyJsonOptions _options;
    private readonly string? _indent;
    private readonly (string Item, string Key) _separators;

    private PyJson(PyJsonOptions options)
    {
        _options = options;
        _indent = options.IndentUnit;
        _separators = options.SeparatorPair;
    }

    public static string Dumps(object? value, PyJsonOptions options)
    {
        var writer = new PyJson(options);
        writer.Write(value, 0);
        return writer._output.ToString();
    }

    private void Write(object? value, int level)
    {
        switch (value)
        {
            case List<object?> or PyTuple:
                WriteArray((IReadOnlyList<object?>)value, level);
                break;
            case PyDict dict:
                WriteObject(dict, level);
                break;
            default:
                _output.Append(Scalar(value));
                break;
        }
    }

    private string Scalar(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        string s => Quote(s),
        _ => throw new TemplateFault($"Object of type {PyType.Name(value)} is not JSON serializable"),
    };

    private static string Number(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => PyFloat.Repr(value),
    };

    private void WriteArray(IReadOnlyList<object?> items, int level)
    {
        WriteContainer('[', ']', items.Count, level, (index, inner) => Write(items[index], inner));
    }

    private void WriteObject(PyDict dict, int level)
    {
        var entries = dict.Select(pair => (Key: Key(pair.Key), pair.Value)).ToList();
        if (_options.SortKeys)
        {
            entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        WriteContainer('{', '}', entries.Count, level, (index, inner) =>
        {
            _output.Append(Quote(entries[index].Key)).Append(_separators.Key);
            Write(entries[index].Value, inner);
        });
    }

    private void WriteContainer(char open, char close, int count, int level, Action<int, int> writeItem)
    {
        _output.Append(open);
        for (var i = 0; i < count; i++)
        {
            _output.Append(i > 0 ? _separators.Item : string.Empty);
            NewLine(level + 1);
            writeItem(i, level + 1);
        }

        if (count > 0)
        {
            NewLine(level);
        }

        _output.Append(close);
    }

    private void NewLine(int level)
    {
        if (_indent is not null)
        {
            _output.Append('\n').Append(string.Concat(Enumerable.Repeat(_indent, level)));
        }
    }

    private static string Key(object? key) => key switch
    {
        string s => s,
        null or bool or long or double => Scalar(key, ensureAscii: false),
        _ => throw new TemplateFault($"keys must be str, int, float, bool or None, not {PyType.Name(key)}"),
    };

    private static string Scalar(object? key, bool ensureAscii) =>
        new PyJson(new PyJsonOptions(ensureAscii, null, null, false)).Scalar(key);

    private string Quote(string value)
    {
        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            result.Append(Escapes.TryGetValue(c, out var escape) ? escape : NeedsUnicodeEscape(c) ? $"\\u{(int)c:x4}" : c);
        }

        return result.Append('"').ToString();
    }

    private bool NeedsUnicodeEscape(char c) => c < ' ' || (_options.EnsureAscii && c > '~');
}
