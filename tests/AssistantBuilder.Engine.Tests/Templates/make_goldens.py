#!/usr/bin/env python3
"""Regenerates the chat-template goldens from the reference implementation.

Renders every template in goldens/templates/ (trimmed tokenizer_config.json files, each with a
"_source" saying where it came from) over a set of conversations, exactly as HF transformers'
apply_chat_template does, and writes goldens/<name>.golden.json. The C# tests compare byte for byte.

Needs Python 3 and jinja2 >= 3.1 (transformers itself is not needed). CI does not run this: the
goldens are committed. Run it again after adding a template or a conversation:

    python3 tests/AssistantBuilder.Engine.Tests/Templates/make_goldens.py
"""
import datetime
import json
import pathlib

import jinja2
import jinja2.ext
import jinja2.nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = pathlib.Path(__file__).resolve().parent
TEMPLATES = HERE / "goldens" / "templates"
GOLDENS = HERE / "goldens"

# transformers' default when a tokenizer has no chat template (PreTrainedTokenizerBase, "_base" ChatML).
CHATML = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


class Generation(jinja2.ext.Extension):
    """HF's AssistantTracker without the tracking: {% generation %}body{% endgeneration %} renders body."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_render"), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def environment():
    """Mirrors transformers.utils.chat_template_utils._compile_jinja_template."""

    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def strftime_now(format):
        return datetime.datetime.now().strftime(format)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[Generation, jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def token(config, name):
    value = config.get(name)
    return value.get("content") if isinstance(value, dict) else value


SYSTEM = {"role": "system", "content": "You are a helpful assistant."}
USER = {"role": "user", "content": "Hello, how are you?"}
ASSISTANT = {"role": "assistant", "content": "I'm doing great. How can I help you today?"}
USER2 = {"role": "user", "content": "  Tell me a joke about tokenizers.\n"}
UNICODE = {"role": "user", "content": "Ça va? 👋 \"quoted\" and 'single' — tabs\tand\nnewlines \\ backslash {{ not jinja }}"}

TOOLS = [{
    "type": "function",
    "function": {
        "name": "get_current_weather",
        "description": "Get the current weather in a given location (°C or °F)",
        "parameters": {
            "type": "object",
            "properties": {
                "location": {"type": "string", "description": "The city and country, e.g. Paris, France"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["location"],
        },
    },
}]
TOOL_CALL = {"role": "assistant", "content": "", "tool_calls": [{
    "id": "call12345", "type": "function",
    "function": {"name": "get_current_weather", "arguments": {"location": "Paris, France", "unit": "celsius"}},
}]}
TOOL_RESULT = {"role": "tool", "tool_call_id": "call12345", "name": "get_current_weather", "content": "22"}
WEATHER = {"role": "user", "content": "What's the weather like in Paris?"}


def case(name, messages, add_generation_prompt, **extra):
    return {"name": name, "messages": messages, "add_generation_prompt": add_generation_prompt, "extra": extra}


BASIC = [
    case("single-turn", [USER], True),
    case("single-turn-no-prompt", [USER], False),
    case("system-single-turn", [SYSTEM, USER], True),
    case("multi-turn", [USER, ASSISTANT, USER2], True),
    case("multi-turn-no-prompt", [USER, ASSISTANT, USER2], False),
    case("system-multi-turn", [SYSTEM, USER, ASSISTANT, USER2], True),
    case("ends-with-assistant", [SYSTEM, USER, ASSISTANT], False),
    case("unicode-and-escapes", [UNICODE], True),
    case("not-alternating", [USER, USER2], True),
]

TOOL_CASES = [
    case("tools-first-turn", [WEATHER], True, tools=TOOLS),
    case("tools-with-system", [SYSTEM, WEATHER], True, tools=TOOLS),
    case("tools-call-and-result", [WEATHER, TOOL_CALL, TOOL_RESULT], True, tools=TOOLS),
]

EXTRA_CASES = {
    "llama3.1": TOOL_CASES + [
        case("date-string", [SYSTEM, USER], True, date_string="01 Jan 2025"),
        case("tools-in-system", [SYSTEM, WEATHER], True, tools=TOOLS, tools_in_user_message=False),
        case("builtin-tools", [SYSTEM, USER], True, builtin_tools=["brave_search", "code_interpreter", "wolfram_alpha"]),
        case("tools-without-user", [SYSTEM], True, tools=TOOLS),
    ],
    "qwen2.5": TOOL_CASES + [case("tools-multiple-results", [WEATHER, TOOL_CALL, TOOL_RESULT, dict(TOOL_RESULT, content="sunny")], True, tools=TOOLS)],
    "mistral-v0.3": TOOL_CASES + [case("tool-call-bad-id", [WEATHER, dict(TOOL_CALL, tool_calls=[dict(TOOL_CALL["tool_calls"][0], id="x")])], False, tools=TOOLS)],
    "mistral-v0.3-sota": TOOL_CASES,
}


# Small templates that pin down single features of the engine; rendered with the same environment and VARS.
VARS = {"d": {"a": 1, "n": None}, "l": [5, 6], "m": {"role": "user", "content": "hi"}, "s": "text", "nothing": None}

SNIPPETS = [
    # printing: Python's str()/repr()
    "{{ none }}|{{ true }}|{{ false }}|{{ 1.0 }}|{{ 1e16 }}|{{ 0.00001 }}|{{ 1e15 }}|{{ 0.0001 }}|{{ -0.0 }}|{{ 0.1 + 0.2 }}|{{ 1/3 }}|{{ 123456789012345678.0 }}|{{ 2.5e-3 }}",
    "{{ [1,'a',none,true,1.5] }}|{{ {'a':1,'b':'x'} }}|{{ (1,2) }}|{{ (1,) }}|{{ () }}|{{ m }}|{{ [[1], {'k': (2,)}] }}",
    "{{ ['é', 'a\\'b', \"a'b\\\"c\", '\\n', '\\t\\\\', '\\x01'] }}",
    "{{ 'a\\nb\\x41\\u00e9\\d\\'\\\"' }}|{{ \"double \\\"quoted\\\"\" }}|{{ 'a' 'b' \"c\" }}|{{ 1_000 }}|{{ 2.5e3 }}|{{ 0.5 }}",
    # arithmetic
    "{{ 7 // 2 }}|{{ -7 // 2 }}|{{ -7 % 3 }}|{{ 7 % -3 }}|{{ 7 / 2 }}|{{ 6 / 2 }}|{{ 2 ** 10 }}|{{ 2 ** -1 }}|{{ 2 ** 3 ** 2 }}|{{ 5 - 2 * 3 }}|{{ -2 ** 2 }}|{{ (1 + 2) * 3 }}|{{ 1.5 + 1 }}|{{ 7.5 // 2 }}|{{ -7.5 % 2 }}|{{ true + 1 }}",
    "{{ [1,2] + [3] }}|{{ 'ab' * 2 }}|{{ [1] * 2 }}|{{ 2 * 'x' }}|{{ 'a' ~ 1 ~ none ~ true }}|{{ -(3) }}|{{ +3 }}|{{ (1,) + (2,) }}|{{ -1|abs }}",
    # comparisons and logic
    "{{ 1 == 1.0 }}|{{ true == 1 }}|{{ 'a' == 'a' }}|{{ [1,2] == [1,2] }}|{{ {'a':1} == {'a':1} }}|{{ 'a' < 'b' }}|{{ 1 < 2.5 }}|{{ 1 < 2 < 3 }}|{{ 3 > 2 > 2 }}|{{ [1,2] < [1,3] }}|{{ none == none }}|{{ 'b' in 'abc' }}|{{ 'x' not in ['x'] }}|{{ 'k' in {'k':1} }}|{{ 1 in [1.0] }}|{{ [1] == (1,) }}",
    "{{ true and 'x' }}|{{ false or 'y' }}|{{ not none }}|{{ 0 or [] or 'z' }}|{{ '' and 1 }}|{{ [] and 1 }}|{{ not 1 == 2 }}|{{ not 'a' in 'b' }}",
    "{{ 'y' if true else 'n' }}|{{ 'y' if false else 'n' }}|{{ 'y' if false }}|{{ 1 if 0 else 2 if 1 else 3 }}",
    # undefined
    "{{ x }}|{{ x == y }}|{{ x != 1 }}|{{ x|length }}|{{ x|default('q') }}|{{ x|trim }}|{{ x ~ 'a' }}|{{ 'a' in x }}|{% for i in x %}no{% endfor %}|{{ x is defined }}|{{ x is iterable }}|{{ x is sequence }}|{{ not x }}|{{ x is none }}",
    "{{ d.missing }}|{{ d['missing'] }}|{{ l[5] }}|{{ d.missing is defined }}|{{ d.n }}|{{ d.n is none }}|{{ d.n is defined }}|{{ nothing.x }}|{{ s.nope }}",
    # attributes, items, slices
    "{{ d.get('a') }}|{{ d.get('b') }}|{{ d.get('b', 2) }}|{{ d.keys()|list }}|{{ d.values()|list }}|{{ d.items()|list }}|{{ d['a'] }}|{{ d.a }}|{{ m.role }}|{{ m['content'] }}|{{ l.0 }}|{{ l[-1] }}",
    "{{ [1,2,3][::-1] }}|{{ 'abc'[1:] }}|{{ [1,2,3][-1] }}|{{ 'abc'[-1] }}|{{ [1,2,3,4,5][1:4:2] }}|{{ [1,2,3][:-1] }}|{{ 'hello'[::-2] }}|{{ [1,2,3][5:] }}|{{ (1,2,3)[1:] }}|{{ 'héllo'[1] }}|{{ [1,2,3][-2:] }}|{{ [1,2,3,4][3:0:-1] }}",
    # for loops
    "{% for i in [1,2,3,4] if i > 1 %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/{{ loop.length }}/{{ loop.first }}/{{ loop.last }};{% endfor %}",
    "{% for i in [1,2] %}{{ loop.previtem }}|{{ loop.nextitem }}|{{ loop.cycle('a','b') }};{% endfor %}",
    "{% for i in [] %}x{% else %}empty{% endfor %}|{% for i in [1] if false %}x{% else %}filtered{% endfor %}",
    "{% for k, v in d.items() %}{{k}}={{v}};{% endfor %}|{% for k in d %}{{ k }}{% endfor %}|{% for a, b in [[1,2],[3,4]] %}{{ a }}{{ b }}{% endfor %}|{% for c in 'ab' %}{{ c }}.{% endfor %}|{% for (a, b) in [(1, 2)] %}{{ a + b }}{% endfor %}",
    "{% for i in range(5) %}{% if i == 1 %}{% continue %}{% endif %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}",
    "{% for i in range(2) %}{% for j in range(2) %}{{ loop.index }}{{ i }}{{ j }} {% endfor %}{{ loop.index }};{% endfor %}",
    # scoping
    "{% set x = 9 %}{% for i in range(3) %}{{ x }}{% set x = i %}{{ x }};{% endfor %}{{ x }}",
    "{% for i in range(3) %}{% set y = i %}{% endfor %}[{{ y }}]|{% if true %}{% set z = 1 %}{% endif %}{{ z }}",
    "{% set ns = namespace(a=1, b=[]) %}{% for i in range(3) %}{% set ns.a = ns.a + i %}{% endfor %}{{ ns.a }}|{{ ns.b }}|{{ ns.c }}|{% set ns2 = namespace() %}{% set ns2.x = 'v' %}{{ ns2.x }}",
    "{% set a, b = 1, 2 %}{{ a }}{{ b }}|{% set t = 1, 2 %}{{ t }}|{% set x %}a{{ 1 }}b{% endset %}[{{ x }}]",
    "{% macro m(a, b='x') %}[{{a}}{{b}}{{ caller() if caller is defined else '' }}]{% endmacro %}{{ m(1) }}{{ m(1, b=2) }}{{ m(b=3, a=4) }}{{ m() }}{% call m(3) %}inner{% endcall %}",
    "{% macro outer() %}{{ s }}-{{ caller('z') }}{% endmacro %}{% call(v) outer() %}got {{ v }}{% endcall %}",
    "{% generation %}gen {{ 1 }}{% endgeneration %}|{% generation %}{% set g = 2 %}{% endgeneration %}{{ g }}",
    # whitespace control, trim_blocks, lstrip_blocks
    "  {% if true %}\n  x\n  {% endif %}\n  {# c #}\n  y {# d #}\nz",
    "a  {%- if true -%}  b  {%- endif -%}  c",
    "a\n{{- 'b' -}}\nc",
    "{% for i in [1,2] %}\n  {{ i }}\n{% endfor %}\n",
    "x {%+ if true %}y{% endif +%}\nz",
    "line\n    {%- if true %}\n    kept\n    {%- endif %}\nend",
    "a\r\nb\rc\n",
    "{# comment #}\n{{ 'x' }}\n\n",
    "   {{ 'var' }} {% if true %}  t{% endif %}  ",
    "\t{% if true %}tab{% endif %}\n {%- if true %} minus{% endif %}",
    "{{ {'a': {'b': 1}} }}|{{ {'x': '}}'} }}",
    # filters
    "{{ '  x  '|trim }}|{{ 'xxaxx'|trim('x') }}|{{ 'hELLO wORLD'|title }}|{{ \"don't stop-me now\"|title }}|{{ 'hELLO'|capitalize }}|{{ 'Ab'|upper }}{{ 'Ab'|lower }}|{{ 'aXbX'|replace('X','-') }}|{{ 'aXbX'|replace('X','-',1) }}|{{ 'a b c'|wordcount }}",
    "{{ [1,2]|join }}|{{ [1,2]|join(', ') }}|{{ [{'a':'x'},{'a':'y'}]|join('-', attribute='a') }}|{{ 'abc'|list }}|{{ {'a':1}|list }}|{{ [3,1,2]|first }}|{{ [3,1,2]|last }}|{{ 'abc'|first }}|{{ []|first }}|{{ 'abc'|length }}|{{ {'a':1}|count }}|{{ 'héllo'|length }}",
    "{{ '42'|int }}|{{ 'x'|int }}|{{ 'x'|int(7) }}|{{ '4.5'|int }}|{{ '4.5'|float }}|{{ 4|float }}|{{ 4.7|int }}|{{ -4.7|int }}|{{ 3|string }}|{{ none|string }}|{{ true|int }}|{{ ' 12 '|int }}",
    "{{ ''|default('d') }}|{{ ''|default('d', true) }}|{{ none|default('d') }}|{{ x|d('u') }}|{{ 0|default(5, boolean=true) }}",
    "{{ 3.14159|round(2) }}|{{ 3.5|round }}|{{ 2.5|round }}|{{ 7|round }}|{{ 3.14159|round(1, 'floor') }}|{{ 3.01|round(0, 'ceil') }}|{{ -3|abs }}|{{ -3.5|abs }}",
    "{{ [3,1,2]|sort }}|{{ [3,1,2]|sort(reverse=true) }}|{{ ['b','A','a']|sort }}|{{ ['b','A','a']|sort(case_sensitive=true) }}|{{ [1,2,1]|unique|list }}|{{ ['a','A']|unique|list }}|{{ [{'n':2},{'n':1}]|sort(attribute='n') }}|{{ [1,2,3]|reverse|list }}|{{ 'abc'|reverse }}|{{ [1,2,3]|sum }}",
    "{{ [{'r':'a','c':1},{'r':'b','c':2}]|selectattr('r','equalto','a')|list }}|{{ [{'r':'a'},{'r':'b'}]|map(attribute='r')|join(',') }}|{{ [1,2]|map('string')|list }}|{{ [{'r':'a'},{}]|selectattr('r')|list }}|{{ ['a','b']|reject('equalto','a')|list }}|{{ [0,1,2]|select|list }}|{{ [{'r':'a'},{'r':'b'}]|rejectattr('r','eq','a')|list }}|{{ [1,2,3,4]|select('odd')|list }}|{{ [{'a':{'b':1}}]|map(attribute='a.b')|list }}|{{ [{}]|map(attribute='x', default='dflt')|list }}",
    "{{ 'a\\nb'|indent }}|{{ 'a\\nb'|indent(2, true) }}|{{ 'a\\n\\nb'|indent(2) }}|{{ 'a\\n\\nb'|indent(2, blank=true) }}|{{ 'a\\nb'|indent('> ') }}|{{ 'a\\n'|indent }}",
    "{{ '<a href=\"x\">&\\'</a>'|e }}|{{ '<b>é'|escape }}|{{ '<b>'|safe }}",
    "{{ {'b':1,'a':[1,2.5,'é\"\\n\\u0001\\\\'],'c':none,'d':true}|tojson }}|{{ {'a':[1,{'b':2}],'e':[],'f':{}}|tojson(indent=2) }}|{{ {'b':1,'a':2}|tojson(sort_keys=true) }}|{{ [1,2]|tojson(separators=(',',':')) }}|{{ 'é'|tojson(ensure_ascii=true) }}|{{ 1.0|tojson }}|{{ 1e20|tojson }}|{{ (1,2)|tojson }}|{{ {1: 'int key', true: 'bool', none: 'n'}|tojson }}|{{ [1]|tojson(indent='\\t') }}",
    "{{ {'a':1}|items|list }}|{{ x|items|list }}|{{ d|items|list }}",
    # tests
    "{{ none is none }}|{{ 'a' is string }}|{{ {} is mapping }}|{{ 'a' is iterable }}|{{ 1 is iterable }}|{{ 1 is number }}|{{ true is number }}|{{ 1.5 is float }}|{{ 1 is integer }}|{{ true is integer }}|{{ [] is sequence }}|{{ 'a' is sequence }}|{{ true is boolean }}|{{ false is false }}|{{ 1 is true }}|{{ 3 is odd }}|{{ 4 is even }}|{{ 4 is divisibleby 2 }}|{{ 4 is divisibleby(3) }}|{{ 'a' is eq 'a' }}|{{ 2 is gt 1 }}|{{ 2 is lessthan 1 }}|{{ 1 is in [1] }}|{{ 'ab' is lower }}|{{ 'AB' is upper }}|{{ range is callable }}|{{ 1 is not none }}|{{ x is undefined }}",
    # str methods
    "{{ '{} and {}'.format(1, 'b') }}|{{ '{0}{name}'.format('x', name='y') }}|{{ 'a-b-c'.split('-', 1) }}|{{ ' a  b '.split() }}|{{ '  x '.strip() }}|{{ 'xxaxx'.strip('x') }}|{{ ' x '.lstrip() }}.|{{ ' x '.rstrip() }}|{{ 'Ab'.upper() }}{{ 'Ab'.lower() }}|{{ \"they're bill's\".title() }}|{{ 'ab'.endswith('b') }}|{{ 'ab'.startswith(('x','a')) }}|{{ 'aa'.replace('a','b') }}|{{ ','.join(['a','b']) }}|{{ 'abcb'.find('b') }}|{{ 'abcb'.count('b') }}|{{ '12'.isdigit() }}|{{ 'a\\nb'.splitlines() }}|{{ 'hello world'.capitalize() }}|{{ 'a b c'.split(none, 1) }}",
    # globals
    "{{ range(3)|list }}|{{ range(1,7,2)|list }}|{{ range(5, 0, -2)|list }}|{{ range(-1)|list }}|{{ dict(a=1, b='x') }}|{{ namespace(a=1).a }}|{{ [1,2,1].count(1) }}|{{ [1,2].index(2) }}",
    "before {{ raise_exception('custom message: ' ~ s) }} after",
    # format and aggregates
    "{{ '%s and %s'|format('a', 1) }}|{{ '%d%%'|format(42.9) }}|{{ '%r'|format('q') }}|{{ 'n=%s' % 5 }}|{{ '%s-%s' % (1, 'x') }}|{{ '%.2f' is string }}|{{ '%f'|format(1.5) }}",
    "{{ [3,1,2]|max }}|{{ [3,1,2]|min }}|{{ ['b','A']|max }}|{{ [{'n':2},{'n':5}]|max(attribute='n') }}|{{ []|max }}",
    # message-list idioms seen in chat templates
    "{% set msgs = [{'role':'system','content':'s'},{'role':'user','content':'u1'},{'role':'user','content':'u2 '}] %}{{ msgs|selectattr('role', 'equalto', 'user')|list|length }}|{{ (msgs|last).content|trim }}|{{ msgs[-1]['content'] }}|{{ msgs|map(attribute='role')|unique|join(',') }}|{% if not msgs %}empty{% endif %}|{{ x|default('a' if true else 'b') }}|{% for m in msgs[1:] %}{{ loop.index0 }}{{ m.role[0] }}{% endfor %}|{{ msgs[0].role == 'system' and msgs|length > 1 }}",
    "{% set x = [1,2] %}{% set y = x + [3] %}{{ x }}{{ y }}|{% set d2 = {'k': 'v'} %}{% for k, v in d2|items %}{{ k }}{{ v }}{% endfor %}|{{ 'k' in d2 }}|{{ d2|length }}",
    # runtime errors
    "{{ x.y }}", "{{ x['y'] }}", "{{ x + 1 }}", "{{ x() }}", "{% set e = {} %}{{ e.y.z }}", "{{ x|tojson }}", "{{ 'a' + 1 }}",
    "{{ 1 // 0 }}", "{{ 1 / 0 }}", "{{ 'a' < 1 }}", "{{ [1] + 'a' }}", "{% for a, b in [[1,2,3]] %}{% endfor %}",
    "{% for i in nothing %}{% endfor %}", "{{ nothing|length }}", "{{ ''|items|list }}", "{{ s() }}", "{{ 1 in 2 }}", "{{ -'a' }}",
]


def render_snippets(env):
    results = []
    for source in SNIPPETS:
        try:
            results.append({"template": source, "expected": env.from_string(source).render(**VARS)})
        except Exception as error:
            kind = "raised" if type(error) is jinja2.exceptions.TemplateError else "runtime"
            results.append({"template": source, "error": {"kind": kind, "type": type(error).__name__, "message": str(error)}})
    return results


def render(env, source, config, c):
    variables = {"messages": c["messages"], "tools": None, "documents": None, "add_generation_prompt": c["add_generation_prompt"]}
    for name in ("bos_token", "eos_token"):
        if token(config, name) is not None:
            variables[name] = token(config, name)
    variables.update(c["extra"])
    try:
        return {"expected": env.from_string(source).render(**variables)}
    except jinja2.exceptions.TemplateError as error:
        kind = "raised" if type(error) is jinja2.exceptions.TemplateError else "runtime"
        return {"error": {"kind": kind, "type": type(error).__name__, "message": str(error)}}
    except Exception as error:  # TypeError and friends from Python operations
        return {"error": {"kind": "runtime", "type": type(error).__name__, "message": str(error)}}


def main():
    env = environment()
    for path in sorted(TEMPLATES.glob("*.json")):
        config = json.loads(path.read_text(encoding="utf-8"))
        source = config.get("chat_template") or CHATML
        name = path.stem
        cases = [dict(c, **render(env, source, config, c)) for c in BASIC + EXTRA_CASES.get(name, [])]
        golden = {"template": f"templates/{path.name}", "jinja2": jinja2.__version__, "cases": cases}
        out = GOLDENS / f"{name}.golden.json"
        out.write_text(json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        errors = sum("error" in c for c in cases)
        print(f"{out.name}: {len(cases)} cases ({errors} expected errors)")

    snippets = {"jinja2": jinja2.__version__, "variables": VARS, "snippets": render_snippets(env)}
    out = GOLDENS / "snippets.golden.json"
    out.write_text(json.dumps(snippets, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{out.name}: {len(snippets['snippets'])} snippets")


if __name__ == "__main__":
    main()
