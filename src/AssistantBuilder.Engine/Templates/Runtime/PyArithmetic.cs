namespace AssistantBuilder.Engine.Templates;

/// <summary>The binary and unary operators with Python semantics (floor division, modulo sign, list concatenation).</summary>
internal static class PyArithmetic
{
    private static readonly Dictionary<string, Func<object?, object?, object?>> BinaryOperators = new(StringComparer.Ordinal)
    {
        ["+"] = Add,
        ["-"] = (a, b) => Numeric("-", a, b, (x, y) => x - y, (x, y) => x - y),
        ["*"] = Multiply,
        ["/"] = (a, b) => Numeric("/", a, b, (x, y) => Divide(x, y), (x, y) => Divide(x, y)),
        ["//"] = (a, b) => Numeric("//", a, b, FloorDivide, (x, y) => Math.Floor(Divide(x, y))),
        ["%"] = (a, b) => a is string format ? PyPercentFormat.Format(format, b) : Numeric("%", a, b, Modulo, Modulo),
        ["**"] = (a, b) => Numeric("**", a, b, Power, (x, y) => Math.Pow(x, y)),
        ["~"] = (a, b) => PyFormat.Str(a) + PyFormat.Str(b),
    };

    public static object? Binary(string op, object? left, object? right)
    {
        if (op != "~")
        {
            FailIfUndefined(left);
            FailIfUndefined(right);
        }

        return BinaryOperators[op](left, right);
    }

    public static object? Negate(object? value)
    {
        FailIfUndefined(value);
        return value switch
        {
            double d => (object)-d,
            _ when PyNumber.TryGetInteger(value, out var l) => -l,
            _ => throw new TemplateFault($"bad operand type for unary -: '{PyType.Name(value)}'"),
        };
    }

    public static object? Plus(object? value)
    {
        FailIfUndefined(value);
        return PyNumber.IsNumber(value) ? value : throw new TemplateFault($"bad operand type for unary +: '{PyType.Name(value)}'");
    }

    private static void FailIfUndefined(object? value)
    {
        if (value is Undefined undefined)
        {
            throw undefined.Fail();
        }
    }

    private static object? Add(object? left, object? right) => (left, right) switch
    {
        (string a, string b) => a + b,
        (List<object?> a, List<object?> b) => a.Concat(b).ToList(),
        (PyTuple a, PyTuple b) => new PyTuple(a.Concat(b)),
        (string, _) => throw new TemplateFault($"can only concatenate str (not \"{PyType.Name(right)}\") to str"),
        (List<object?>, _) => throw new TemplateFault($"can only concatenate list (not \"{PyType.Name(right)}\") to list"),
        _ => Numeric("+", left, right, (x, y) => x + y, (x, y) => x + y),
    };

    private static object? Multiply(object? left, object? right)
    {
        if (PyNumber.TryGetInteger(right, out var times) && left is string or List<object?>)
        {
            return Repeat(left, times);
        }

        if (PyNumber.TryGetInteger(left, out times) && right is string or List<object?>)
        {
            return Repeat(right, times);
        }

        return Numeric("*", left, right, (x, y) => x * y, (x, y) => x * y);
    }

    private static object Repeat(object? sequence, long times) => sequence is string s
        ? string.Concat(Enumerable.Repeat(s, (int)Math.Max(times, 0)))
        : Enumerable.Repeat((List<object?>)sequence!, (int)Math.Max(times, 0)).SelectMany(list => list).ToList();

    private static object? Numeric(string op, object? left, object? right, Func<long, long, object?> integers, Func<double, double, object?> floats)
    {
        if (PyNumber.TryGetInteger(left, out var a) && PyNumber.TryGetInteger(right, out var b))
        {
            return integers(a, b);
        }

        if (PyNumber.TryGetDouble(left, out var x) && PyNumber.TryGetDouble(right, out var y))
        {
            return floats(x, y);
        }

        throw new TemplateFault($"unsupported operand type(s) for {op}: '{PyType.Name(left)}' and '{PyType.Name(right)}'");
    }

    private static double Divide(double x, double y) => y == 0 ? throw new TemplateFault("division by zero") : x / y;

    private static object FloorDivide(long x, long y)
    {
        if (y == 0)
        {
            throw new TemplateFault("integer division or modulo by zero");
        }

        var quotient = x / y;
        return x % y != 0 && (x < 0) != (y < 0) ? quotient - 1 : quotient;
    }

    private static object Modulo(long x, long y)
    {
        if (y == 0)
        {
            throw new TemplateFault("integer division or modulo by zero");
        }

        var remainder = x % y;
        return remainder != 0 && (remainder < 0) != (y < 0) ? remainder + y : remainder;
    }

    private static object Modulo(double x, double y)
    {
        if (y == 0)
        {
            throw new TemplateFault("float modulo");
        }

        var remainder = x % y;
        return remainder != 0 && (remainder < 0) != (y < 0) ? remainder + y : remainder;
    }

    private static object Power(long x, long y)
    {
        if (y < 0)
        {
            return Math.Pow(x, y);
        }

        var result = 1L;
        for (var i = 0L; i < y; i++)
        {
            result = checked(result * x);
        }

        return result;
    }
}
