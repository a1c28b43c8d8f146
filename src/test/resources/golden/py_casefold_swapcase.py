# Rule: str.casefold() uses full case folding ('ß' becomes "ss", ligatures
# split, final sigma folds to σ, dotless i stays) and str.swapcase() uses the
# full upper and lower mappings ('ß' becomes "SS").
words = ["Straße", "STRASSE", "ﬁle", "ΟΔΟΣ", "οδος", "ı", "İstanbul", "Ǆemal", "ẞ", "µs", "ſpeed", "Ꭰꭰ"]
for w in words:
    print(f"{w!r:>12} casefold={w.casefold()!r:<14} swapcase={w.swapcase()!r:<12} lower={w.lower()!r}")
print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "STRASSE".lower())
print(repr("ΟΔΟΣ. Σ ΑΣ’Σ".swapcase()), repr("ΑΣ\u0301".swapcase()), repr("ΑΣΑ".swapcase()))
seen = {}
for w in ["Maße", "MASSE", "masse", "Masse"]:
    seen.setdefault(w.casefold(), []).append(w)
print(seen)
