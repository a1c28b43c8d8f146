try:
    raise ValueError("inner")
except ValueError as e:
    err = e
raise err
