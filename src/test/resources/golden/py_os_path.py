# os.path string functions: join, split, splitext, basename, dirname, isabs, normpath and abspath of absolute paths.
import os
for p in ["/x/y/z.py", "a/b/", "file.tar.gz", ".bashrc", "dir.d/name", "/", "//srv//data/", "", "a/./b/../c", "../up/../x", "/../a"]:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)), repr(os.path.dirname(p)),
          os.path.isabs(p), os.path.normpath(p))
print(os.path.join("a", "b", "c.txt"), os.path.join("/root", "/etc", "x"), os.path.join("a/", "b"), os.path.abspath("/a/./b/../c"))
try:
    os.path.basename(5)
except TypeError as e:
    print(e)
