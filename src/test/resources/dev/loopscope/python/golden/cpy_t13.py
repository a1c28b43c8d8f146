class MyError(Exception): pass
raise MyError("msg")
