namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% set %}</c> in its three forms, and the targets that <c>set</c> and <c>for</c> assign to.</summary>
internal sealed partial class TemplateParser
{
    private Statement ParseSet(Token tag)
    {
        var target = ParseAssignTarget(allowNamespace: true);
        if (_stream.SkipOperator("="))
        {
            var value = _expressions.ParseTuple();
            _stream.ExpectBlockEnd();
            return new SetStatement(tag.Line, target, value);
        }

        _stream.ExpectBlockEnd();
        var body = ParseBlock("set", "endset").Body;
        _stream.ExpectBlockEnd();
        return new SetBlockStatement(tag.Line, target, body);
    }

    /// <summary>A name, <c>ns.attribute</c> (for <c>set</c>), or several comma-separated names.</summary>
    private AssignTarget ParseAssignTarget(bool allowNamespace, params string[] endNames)
    {
        if (allowNamespace && _stream.Current.Kind == TokenKind.Name && _stream.Peek.IsOperator("."))
        {
            var name = _stream.Next().Text;
            _stream.Next();
            return new NamespaceAttributeTarget(name, _stream.ExpectName().Text);
        }

        var parenthesized = _stream.SkipOperator("(");
        var names = new List<AssignTarget> { new NameTarget(_stream.ExpectName().Text) };
        while (_stream.SkipOperator(",") && !(_stream.Current.Kind == TokenKind.Name && endNames.Contains(_stream.Current.Text)))
        {
            names.Add(new NameTarget(_stream.ExpectName().Text));
        }

        if (parenthesized)
        {
            _stream.ExpectOperator(")");
        }

        return names.Count == 1 && !parenthesized ? names[0] : new TupleTarget(names);
    }
}
