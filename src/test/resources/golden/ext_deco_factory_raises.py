# Rule: a decorator factory that raises while its arguments are evaluated (before the def
# runs): the traceback shows the decorator line with the call underlined; inside a class
# body the class's frame appears between the module and the factory.
def retry(times):
    if times < 1:
        raise ValueError(f"retry needs times >= 1, got {times}")
    def deco(f):
        return f
    return deco


@retry(3)
def fetch():
    return "data"


print(fetch())


class Client:
    @retry(3)
    def get(self):
        return "ok"

    @retry(0)
    def post(self):
        return "never"
