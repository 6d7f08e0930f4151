namespace AssistantBuilder.Engine.Templates;

/// <summary>The <c>loop</c> variable inside a <c>{% for %}</c>.</summary>
internal sealed class LoopInfo : IAttributeSource
{
    private static readonly Dictionary<string, Func<LoopInfo, object?>> Attributes = new(StringComparer.Ordinal)
    {
        ["index0"] = loop => (long)loop.Index0,
        ["index"] = loop => (long)loop.Index0 + 1,
        ["revindex0"] = loop => (long)(loop.Length - loop.Index0 - 1),
        ["revindex"] = loop => (long)(loop.Length - loop.Index0),
        ["first"] = loop => loop.Index0 == 0,
        ["last"] = loop => loop.Index0 == loop.Length - 1,
        ["length"] = loop => (long)loop.Length,
        ["depth0"] = loop => (long)loop._depth0,
        ["depth"] = loop => (long)loop._depth0 + 1,
        ["previtem"] = loop => loop.Index0 > 0 ? loop._items[loop.Index0 - 1] : new Undefined("previtem", "there is no previous item"),
        ["nextitem"] = loop => loop.Index0 < loop.Length - 1 ? loop._items[loop.Index0 + 1] : new Undefined("nextitem", "there is no next item"),
        ["cycle"] = loop => new NativeFunction("cycle", (args, _) => loop.Cycle(args)),
    };

    private readonly IReadOnlyList<object?> _items;
    private readonly int _depth0;

    public LoopInfo(IReadOnlyList<object?> items, int depth0)
    {
        _items = items;
        _depth0 = depth0;
    }

    public int Index0 { get; set; }

    public int Length => _items.Count;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = Attributes.TryGetValue(name, out var read) ? read(this) : null;
        return read is not null;
    }

    private object? Cycle(CallArguments args) => args.Positional.Count == 0
        ? throw new TemplateFault("no items for cycling given")
        : args.Positional[Index0 % args.Positional.Count];
}
