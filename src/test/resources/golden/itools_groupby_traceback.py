# an uncaught exception from a key function inside groupby: the traceback has no frame for groupby
import itertools

def key(word):
    return word[0].upper()

words = ["apple", "avocado", "", "banana"]
for k, g in itertools.groupby(words, key):
    print(k, list(g))
