namespace AssistantBuilder.Engine.Templates;

/// <summary>The control-flow tags: <c>if</c>, <c>for</c>, <c>break</c>/<c>continue</c> and <c>generation</c>.</summary>
internal sealed partial class TemplateParser
{
    private IfStatement ParseIf(Token tag)
    {
        var branches = new List<(Expression, StatementList)>();
        StatementList? otherwise = null;
        var endTag = "elif";
        while (endTag == "elif")
        {
            var condition = _expressions.ParseTuple(withConditional: false);
            _stream.ExpectBlockEnd();
            (var body, endTag) = ParseBlock("if", "elif", "else", "endif");
            branches.Add((condition, body));
        }

        if (endTag == "else")
        {
            _stream.ExpectBlockEnd();
            otherwise = ParseBlock("if", "endif").Body;
        }

        _stream.ExpectBlockEnd();
        return new IfStatement(tag.Line, branches, otherwise);
    }

    private ForStatement ParseFor(Token tag)
    {
        var target = ParseAssignTarget(allowNamespace: false, "in");
        _stream.ExpectName("in");
        var iterable = _expressions.ParseTuple(withConditional: false, extraEndNames: ["recursive"]);
        var filter = _stream.SkipName("if") ? _expressions.Parse() : null;
        if (_stream.Current.IsName("recursive"))
        {
            throw _stream.Error("recursive loops are not supported");
        }

        _stream.ExpectBlockEnd();
        var (body, endTag) = ParseBlock("for", "endfor", "else");
        StatementList? otherwise = null;
        if (endTag == "else")
        {
            _stream.ExpectBlockEnd();
            otherwise = ParseBlock("for", "endfor").Body;
        }

        _stream.ExpectBlockEnd();
        return new ForStatement(tag.Line, target, iterable, filter, body, otherwise);
    }

    private LoopControlStatement ParseLoopControl(Token tag, Flow flow)
    {
        _stream.ExpectBlockEnd();
        return new LoopControlStatement(tag.Line, flow);
    }

    private ScopedBlockStatement ParseGeneration(Token tag)
    {
        _stream.ExpectBlockEnd();
        var body = ParseBlock("generation", "endgeneration").Body;
        _stream.ExpectBlockEnd();
        return new ScopedBlockStatement(tag.Line, body);
    }
}
