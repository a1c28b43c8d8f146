"""Renders CPython's ast in the notation of Loopscope's TreeDump, to compare the two parsers as text.

Also renders a SyntaxError as 'ERR Type line offset end_line end_offset message'.
Used by gen_parser_expectations.py; needs CPython 3.12.
"""
import ast
import json
import struct
import warnings

OPS = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.MatMult: '@', ast.Div: '/', ast.Mod: '%', ast.Pow: '**',
       ast.LShift: '<<', ast.RShift: '>>', ast.BitOr: '|', ast.BitXor: '^', ast.BitAnd: '&', ast.FloorDiv: '//',
       ast.Eq: '==', ast.NotEq: '!=', ast.Lt: '<', ast.LtE: '<=', ast.Gt: '>', ast.GtE: '>=', ast.Is: 'is',
       ast.IsNot: 'is not', ast.In: 'in', ast.NotIn: 'not in', ast.Not: 'not', ast.Invert: '~', ast.UAdd: '+',
       ast.USub: '-', ast.And: 'and', ast.Or: 'or'}


def bits(f):
    return str(struct.unpack('<q', struct.pack('<d', f))[0])


LINES = []


def col(line, byte_col):
    """CPython's ast counts UTF-8 bytes; Loopscope counts code points."""
    if 0 < line <= len(LINES):
        return len(LINES[line - 1].encode('utf-8')[:byte_col].decode('utf-8', 'replace'))
    return byte_col


def span(n):
    return f"@{n.lineno}:{col(n.lineno, n.col_offset)}-{n.end_lineno}:{col(n.end_lineno, n.end_col_offset)}"


def lst(items):
    return '[' + ','.join(d(x) for x in items) + ']'


def opt(x):
    return '~' if x is None else d(x)


def body_stmt(n, name, *parts):
    return name + '(' + ','.join(parts) + ')' + span(n)


def d(n):
    if n is None:
        return '~'
    t = type(n)
    if t is ast.Module:
        return 'Module' + lst(n.body)
    if t is ast.arguments:
        return ('arguments(' + lst(n.posonlyargs) + ',' + lst(n.args) + ',' + opt(n.vararg) + ',' + lst(n.kwonlyargs)
                + ',' + '[' + ','.join(opt(x) for x in n.kw_defaults) + ']' + ',' + opt(n.kwarg) + ',' + lst(n.defaults) + ')')
    if t is ast.arg:
        return 'arg(' + n.arg + ',' + opt(n.annotation) + ')' + span(n)
    if t is ast.keyword:
        return 'keyword(' + (n.arg or '~') + ',' + d(n.value) + ')' + span(n)
    if t is ast.ExceptHandler:
        return 'ExceptHandler(' + opt(n.type) + ',' + (n.name or '~') + ',' + lst(n.body) + ')' + span(n)
    if t is ast.withitem:
        return 'withitem(' + d(n.context_expr) + ',' + opt(n.optional_vars) + ')'
    if t is ast.comprehension:
        return 'comprehension(' + d(n.target) + ',' + d(n.iter) + ',' + lst(n.ifs) + ',' + str(n.is_async) + ')'
    if t is ast.alias:
        return 'alias(' + n.name + ',' + (n.asname or '~') + ')' + span(n)
    # statements
    if t in (ast.FunctionDef, ast.AsyncFunctionDef):
        if n.type_params:
            return 'Unsupported(generic function)' + span(n)
        return body_stmt(n, 'FunctionDef', n.name, d(n.args), lst(n.body), lst(n.decorator_list), opt(n.returns),
                         '1' if t is ast.AsyncFunctionDef else '0')
    if t is ast.ClassDef:
        if n.type_params:
            return 'Unsupported(generic class)' + span(n)
        return body_stmt(n, 'ClassDef', n.name, lst(n.bases), lst(n.keywords), lst(n.body), lst(n.decorator_list))
    if t is ast.Return:
        return body_stmt(n, 'Return', opt(n.value))
    if t is ast.Delete:
        return body_stmt(n, 'Delete', lst(n.targets))
    if t is ast.Assign:
        return body_stmt(n, 'Assign', lst(n.targets), d(n.value))
    if t is ast.AugAssign:
        return body_stmt(n, 'AugAssign', d(n.target), OPS[type(n.op)], d(n.value))
    if t is ast.AnnAssign:
        return body_stmt(n, 'AnnAssign', d(n.target), d(n.annotation), opt(n.value))
    if t in (ast.For, ast.AsyncFor):
        return body_stmt(n, 'For', d(n.target), d(n.iter), lst(n.body), lst(n.orelse), '1' if t is ast.AsyncFor else '0')
    if t is ast.While:
        return body_stmt(n, 'While', d(n.test), lst(n.body), lst(n.orelse))
    if t is ast.If:
        return body_stmt(n, 'If', d(n.test), lst(n.body), lst(n.orelse))
    if t in (ast.With, ast.AsyncWith):
        return body_stmt(n, 'With', lst(n.items), lst(n.body), '1' if t is ast.AsyncWith else '0')
    if t is ast.Raise:
        return body_stmt(n, 'Raise', opt(n.exc), opt(n.cause))
    if t in (ast.Try, ast.TryStar):
        return body_stmt(n, 'Try', lst(n.body), lst(n.handlers), lst(n.orelse), lst(n.finalbody),
                         '1' if t is ast.TryStar else '0')
    if t is ast.Assert:
        return body_stmt(n, 'Assert', d(n.test), opt(n.msg))
    if t is ast.Import:
        return body_stmt(n, 'Import', lst(n.names))
    if t is ast.ImportFrom:
        return body_stmt(n, 'ImportFrom', n.module or '~', lst(n.names), str(n.level))
    if t is ast.Global:
        return 'Global(' + ','.join(n.names) + ')' + span(n)
    if t is ast.Nonlocal:
        return 'Nonlocal(' + ','.join(n.names) + ')' + span(n)
    if t is ast.Expr:
        return body_stmt(n, 'Expr', d(n.value))
    if t is ast.Pass:
        return 'Pass' + span(n)
    if t is ast.Break:
        return 'Break' + span(n)
    if t is ast.Continue:
        return 'Continue' + span(n)
    if t is ast.Match:
        return 'Unsupported(match)' + span(n)
    if t is ast.TypeAlias:
        return 'Unsupported(type)' + span(n)
    # expressions
    if t is ast.BoolOp:
        return 'BoolOp(' + OPS[type(n.op)] + ',' + lst(n.values) + ')' + span(n)
    if t is ast.NamedExpr:
        return body_stmt(n, 'NamedExpr', d(n.target), d(n.value))
    if t is ast.BinOp:
        return body_stmt(n, 'BinOp', d(n.left), OPS[type(n.op)], d(n.right))
    if t is ast.UnaryOp:
        return body_stmt(n, 'UnaryOp', OPS[type(n.op)], d(n.operand))
    if t is ast.Lambda:
        return body_stmt(n, 'Lambda', d(n.args), d(n.body))
    if t is ast.IfExp:
        return body_stmt(n, 'IfExp', d(n.test), d(n.body), d(n.orelse))
    if t is ast.Dict:
        return body_stmt(n, 'Dict', '[' + ','.join(opt(k) for k in n.keys) + ']', lst(n.values))
    if t is ast.Set:
        return body_stmt(n, 'Set', lst(n.elts))
    if t in (ast.ListComp, ast.SetComp, ast.GeneratorExp):
        return body_stmt(n, t.__name__, d(n.elt), lst(n.generators))
    if t is ast.DictComp:
        return body_stmt(n, 'DictComp', d(n.key), d(n.value), lst(n.generators))
    if t is ast.Await:
        return body_stmt(n, 'Await', d(n.value))
    if t is ast.Yield:
        return body_stmt(n, 'Yield', opt(n.value))
    if t is ast.YieldFrom:
        return body_stmt(n, 'YieldFrom', d(n.value))
    if t is ast.Compare:
        return body_stmt(n, 'Compare', d(n.left), '[' + ','.join(OPS[type(o)] for o in n.ops) + ']', lst(n.comparators))
    if t is ast.Call:
        return body_stmt(n, 'Call', d(n.func), lst(n.args), lst(n.keywords))
    if t is ast.FormattedValue:
        return body_stmt(n, 'FormattedValue', d(n.value), str(n.conversion), opt(n.format_spec))
    if t is ast.JoinedStr:
        return body_stmt(n, 'JoinedStr', lst(n.values))
    if t is ast.Constant:
        v = n.value
        if v is None or v is True or v is False or v is Ellipsis:
            return 'Const(' + repr(v) + ')' + span(n)
        if isinstance(v, int):
            return 'Int(' + str(v) + ')' + span(n)
        if isinstance(v, float):
            return 'Float(' + bits(v) + ')' + span(n)
        if isinstance(v, complex):
            return 'Imag(' + bits(v.imag) + ')' + span(n)
        if isinstance(v, str):
            return 'Str(' + json.dumps(v) + ')' + span(n)
        if isinstance(v, bytes):
            return 'Bytes(' + v.hex() + ')' + span(n)
        raise TypeError(type(v))
    if t is ast.Attribute:
        return 'Attribute(' + d(n.value) + ',' + n.attr + ')' + span(n)
    if t is ast.Subscript:
        return body_stmt(n, 'Subscript', d(n.value), d(n.slice))
    if t is ast.Starred:
        return body_stmt(n, 'Starred', d(n.value))
    if t is ast.Name:
        return 'Name(' + n.id + ')' + span(n)
    if t is ast.List:
        return body_stmt(n, 'List', lst(n.elts))
    if t is ast.Tuple:
        return body_stmt(n, 'Tuple', lst(n.elts))
    if t is ast.Slice:
        return body_stmt(n, 'Slice', opt(n.lower), opt(n.upper), opt(n.step))
    raise TypeError(t.__name__)


def outcome(src):
    """'OK <dump>' or 'ERR <Type> <line> <offset> <end_line> <end_offset> <message>' for a source text."""
    LINES[:] = src.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            tree = ast.parse(src)
        except SyntaxError as e:
            def num(x):
                return '-' if x is None else str(x)
            return 'ERR ' + ' '.join([type(e).__name__, num(e.lineno), num(e.offset), num(e.end_lineno),
                                      num(e.end_offset), e.msg])
        except (ValueError, RecursionError, MemoryError) as e:
            return 'EXC ' + type(e).__name__
    return 'OK ' + d(tree)
