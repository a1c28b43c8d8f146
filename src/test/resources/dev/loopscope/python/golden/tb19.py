try:
    raise ValueError
except ValueError:
    raise
