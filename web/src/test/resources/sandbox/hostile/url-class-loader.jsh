// expect: DENIED java.net.URLClassLoader
var l = new URLClassLoader(new URL[] {new URL("http://127.0.0.1:${PORT}/")});
