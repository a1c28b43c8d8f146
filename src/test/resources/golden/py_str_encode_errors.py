# str.encode with ascii, latin-1 and utf-8: UnicodeEncodeError (one run of characters at a time, with its fields) and the ignore, replace, xmlcharrefreplace and backslashreplace handlers.
for s, enc, err in [('é', 'ascii', 'strict'), ('aéü', 'ascii', 'strict'), ('a€b', 'latin-1', 'strict'), ('a😀', 'ascii', 'strict'), ('aéb', 'ascii', 'ignore'), ('aéb', 'ascii', 'replace'), ('a€', 'latin-1', 'replace'), ('é😀', 'ascii', 'xmlcharrefreplace'), ('é😀', 'ascii', 'backslashreplace'), ('é', 'ascii', 'bogus'), ('\ud800', 'utf-8', 'strict'), ('ok', 'ascii', 'bogus'), ('naïve café', 'utf-8', 'strict')]:
    try: print(repr(s.encode(enc, err)))
    except UnicodeEncodeError as e: print(type(e).__name__, e, e.args, e.start, e.end, e.reason, e.encoding)
    except Exception as e: print(type(e).__name__, e, e.args)
"x".encode("ascii")
"caf\u00e9".encode("ascii")
