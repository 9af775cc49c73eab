// expect: DENIED java.lang.ClassLoader
var cl = ClassLoader.getSystemClassLoader();
System.out.println(cl.loadClass("kb.sandbox.child.ChildMain"));
