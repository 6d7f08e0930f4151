namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% macro %}</c> definitions and <c>{% call %}</c> blocks.</summary>
internal sealed partial class TemplateParser
{
    private MacroStatement ParseMacro(Token tag)
    {
        var name = _stream.ExpectName().Text;
        var parameters = ParseParameters();
        _stream.ExpectBlockEnd();
        var body = ParseBlock("macro", "endmacro").Body;
        _stream.ExpectBlockEnd();
        return new MacroStatement(tag.Line, new MacroDefinition(name, parameters, body));
    }

    private CallBlockStatement ParseCallBlock(Token tag)
    {
        var parameters = _stream.Current.IsOperator("(") ? ParseParameters() : [];
        var call = _expressions.Parse() as CallExpression ?? throw _stream.Error("expected call", tag);
        _stream.ExpectBlockEnd();
        var body = ParseBlock("call", "endcall").Body;
        _stream.ExpectBlockEnd();
        return new CallBlockStatement(tag.Line, call, new MacroDefinition("caller", parameters, body));
    }

    private List<MacroParameter> ParseParameters()
    {
        _stream.ExpectOperator("(");
        var parameters = new List<MacroParameter>();
        while (!_stream.SkipOperator(")"))
        {
            if (parameters.Count > 0)
            {
                _stream.ExpectOperator(",");
            }

            var name = _stream.ExpectName().Text;
            var fallback = _stream.SkipOperator("=") ? _expressions.Parse() : null;
            parameters.Add(new MacroParameter(name, fallback));
        }

        return parameters;
    }
}
