x = None
print(x.attr)
