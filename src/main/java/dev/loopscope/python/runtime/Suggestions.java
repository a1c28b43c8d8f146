package dev.loopscope.python.runtime;

import java.util.List;
import java.util.Set;

/**
 * The "Did you mean" hints CPython 3.12 adds to NameError, AttributeError and ImportError when it prints them:
 * the closest candidate name by CPython's weighted Levenshtein distance (case changes cost 1, other edits 2; at
 * most a third of the characters may change), and "Did you forget to import" for standard library module names.
 */
public final class Suggestions {

    private Suggestions() {
    }

    private static final int MAX_CANDIDATE_ITEMS = 750;
    private static final int MAX_STRING_SIZE = 40;
    private static final int MOVE_COST = 2;
    private static final int CASE_COST = 1;

    /** The names of CPython 3.12's builtins module, in its dict order (candidates are tried in this order). */
    static final List<String> BUILTIN_NAMES = List.of(
            "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__", "abs", "all", "any", "ascii", "bin",
            "breakpoint", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals",
            "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max",
            "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum",
            "vars", "None", "Ellipsis", "NotImplemented", "False", "True", "bool", "memoryview", "bytearray", "bytes", "classmethod", "complex",
            "dict", "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map", "object", "range", "reversed",
            "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip", "__debug__", "BaseException", "BaseExceptionGroup", "Exception",
            "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError",
            "OSError", "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError",
            "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning",
            "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError",
            "IndexError", "KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "TabError",
            "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError", "open", "quit", "exit", "copyright", "credits", "license",
            "help",
            "_placeholder_end_").subList(0, 157);

    /** {@code sys.stdlib_module_names} of CPython 3.12. */
    static final Set<String> STDLIB_MODULES = Set.of(
            "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
            "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc", "_compat_pickle", "_compression", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses",
            "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree", "_frozen_importlib", "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp",
            "_io", "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec", "_multiprocessing", "_opcode", "_operator",
            "_osx_support", "_overlapped", "_pickle", "_posixshmem", "_posixsubprocess", "_py_abc", "_pydatetime", "_pydecimal", "_pyio", "_pylong", "_queue", "_random",
            "_scproxy", "_sha1", "_sha2", "_sha3", "_signal", "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat", "_statistics",
            "_string", "_strptime", "_struct", "_symtable", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc", "_typing", "_uuid", "_warnings",
            "_weakref", "_weakrefset", "_winapi", "_zoneinfo", "abc", "aifc", "antigravity", "argparse", "array", "ast", "asyncio", "atexit",
            "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile", "calendar", "cgi", "cgitb", "chunk",
            "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib", "contextvars",
            "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis",
            "doctest", "email", "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions",
            "ftplib", "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib",
            "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr", "importlib", "inspect", "io", "ipaddress", "itertools",
            "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes",
            "mmap", "modulefinder", "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path", "numbers",
            "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle", "pickletools", "pipes", "pkgutil", "platform",
            "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc",
            "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib", "resource", "rlcompleter", "runpy", "sched",
            "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal", "site", "smtplib", "sndhdr", "socket", "socketserver",
            "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string", "stringprep", "struct", "subprocess",
            "sunau", "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios", "textwrap", "this",
            "threading", "time", "timeit", "tkinter", "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle",
            "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave", "weakref",
            "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
            "_placeholder_end_");

    private static int substitutionCost(char a, char b) {
        if ((a & 31) != (b & 31)) {
            return MOVE_COST;
        }
        if (a == b) {
            return 0;
        }
        char la = a >= 'A' && a <= 'Z' ? (char) (a + 32) : a;
        char lb = b >= 'A' && b <= 'Z' ? (char) (b + 32) : b;
        return la == lb ? CASE_COST : MOVE_COST;
    }

    static int levenshtein(String as, String bs, int maxCost) {
        if (as.equals(bs)) {
            return 0;
        }
        byte[] a = as.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = bs.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int aStart = 0;
        int bStart = 0;
        int aSize = a.length;
        int bSize = b.length;
        while (aSize > 0 && bSize > 0 && a[aStart] == b[bStart]) {
            aStart++;
            bStart++;
            aSize--;
            bSize--;
        }
        while (aSize > 0 && bSize > 0 && a[aStart + aSize - 1] == b[bStart + bSize - 1]) {
            aSize--;
            bSize--;
        }
        if (aSize == 0 || bSize == 0) {
            return (aSize + bSize) * MOVE_COST;
        }
        if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) {
            return maxCost + 1;
        }
        if (bSize < aSize) {
            byte[] t = a;
            a = b;
            b = t;
            int ts = aStart;
            aStart = bStart;
            bStart = ts;
            int tz = aSize;
            aSize = bSize;
            bSize = tz;
        }
        if ((bSize - aSize) * MOVE_COST > maxCost) {
            return maxCost + 1;
        }
        int[] buffer = new int[aSize];
        int tmp = MOVE_COST;
        for (int i = 0; i < aSize; i++) {
            buffer[i] = tmp;
            tmp += MOVE_COST;
        }
        int result = 0;
        for (int bi = 0; bi < bSize; bi++) {
            char code = (char) (b[bStart + bi] & 0xff);
            int distance = bi * MOVE_COST;
            result = distance;
            int minimum = Integer.MAX_VALUE;
            for (int i = 0; i < aSize; i++) {
                int substitute = distance + substitutionCost(code, (char) (a[aStart + i] & 0xff));
                distance = buffer[i];
                int insertDelete = Math.min(result, distance) + MOVE_COST;
                result = Math.min(insertDelete, substitute);
                buffer[i] = result;
                if (result < minimum) {
                    minimum = result;
                }
            }
            if (minimum > maxCost) {
                return maxCost + 1;
            }
        }
        return result;
    }

    /** The closest of {@code candidates} to {@code name}, or null. */
    static String closest(List<String> candidates, String name) {
        if (candidates.size() >= MAX_CANDIDATE_ITEMS) {
            return null;
        }
        int nameSize = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int best = Integer.MAX_VALUE;
        String suggestion = null;
        for (String item : candidates) {
            if (item.equals(name)) {
                continue;
            }
            int itemSize = item.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            int maxDistance = (nameSize + itemSize + 3) * MOVE_COST / 6;
            maxDistance = Math.min(maxDistance, best - 1);
            int d = levenshtein(name, item, maxDistance);
            if (d > maxDistance) {
                continue;
            }
            if (suggestion == null || d < best) {
                suggestion = item;
                best = d;
            }
        }
        return suggestion;
    }

    /** The text CPython appends to the exception's message when printing it, or "". */
    static String forException(PyBaseException e) {
        try {
            if (e.isA(Types.NAME_ERROR)) {
                return forNameError(e);
            }
            if (e.isA(Types.ATTRIBUTE_ERROR)) {
                Object name = e.dict.getStr("name");
                Object obj = e.dict.getStr("obj");
                if (!(name instanceof String n) || obj == null) {
                    return "";
                }
                String s = closest(dir(obj), n);
                return s == null ? "" : ". Did you mean: " + Strings.repr(s) + "?";
            }
            if (e.isA(Types.IMPORT_ERROR) && !e.isA(Types.MODULE_NOT_FOUND_ERROR)) {
                Object from = e.dict.getStr("name_from");
                Object mod = e.dict.getStr("module");
                if (from instanceof String n && mod != null) {
                    String s = closest(dir(mod), n);
                    return s == null ? "" : ". Did you mean: " + Strings.repr(s) + "?";
                }
            }
        } catch (PyError ignored) {
            // a failing dir() gives no suggestion, as in CPython
        }
        return "";
    }

    private static String forNameError(PyBaseException e) {
        Object nameObj = e.dict.getStr("name");
        Traceback tb = e.traceback;
        if (!(nameObj instanceof String name) || tb == null) {
            return "";
        }
        while (tb.next() != null) {
            tb = tb.next();
        }
        String suggestion = null;
        if (tb.frame() instanceof Frame f) {
            List<String> varnames = new java.util.ArrayList<>(List.of(f.code.varNames));
            if ((f.code.flags & Code.NAMESPACE) == 0) {
                varnames.addAll(List.of(f.code.cellVars));
            }
            int self = varnames.indexOf("self");
            if (self >= 0 && f.s[self] != null) {
                try {
                    if (Ops.getAttrOrNull(f.s[self], name) != null) {
                        suggestion = "self." + name;
                    }
                } catch (PyError ignored) {
                    // no suggestion from self
                }
            }
            if (suggestion == null) {
                suggestion = closest(varnames, name);
            }
            if (suggestion == null) {
                suggestion = closest(keys(f.globals), name);
            }
            if (suggestion == null) {
                suggestion = closest(BUILTIN_NAMES, name);
            }
        }
        boolean stdlib = STDLIB_MODULES.contains(name);
        if (!stdlib) {
            return suggestion == null ? "" : ". Did you mean: " + Strings.repr(suggestion) + "?";
        }
        if (suggestion == null) {
            return ". Did you forget to import " + Strings.repr(name) + "?";
        }
        return ". Did you mean: " + Strings.repr(suggestion) + "? Or did you forget to import " + Strings.repr(name)
                + "?";
    }

    private static List<String> keys(PyDict d) {
        List<String> out = new java.util.ArrayList<>();
        for (Object k : d.keyList()) {
            if (k instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code dir(obj)}: sorted attribute names. */
    static List<String> dir(Object o) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(Ops::compareStrings);
        if (o instanceof PyModule m) {
            names.addAll(keys(m.dict));
        } else {
            if (o instanceof PyInstance inst) {
                names.addAll(keys(inst.dict));
            }
            PyType t = o instanceof PyType pt ? pt : Py.typeOf(o);
            for (PyType b : t.mro) {
                names.addAll(keys(b.dict));
            }
            if (o instanceof PyType) {
                for (PyType b : Types.TYPE.mro) {
                    names.addAll(keys(b.dict));
                }
            }
        }
        return new java.util.ArrayList<>(names);
    }
}
