class ValidationError(Exception):
    pass
def check(x):
    if x < 0:
        raise ValidationError(f"negative: {x}")
    return x
values = [3, 1, -2]
results = [check(v) for v in values]
