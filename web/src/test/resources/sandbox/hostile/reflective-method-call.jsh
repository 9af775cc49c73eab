// expect: DENIED java.lang.Class.getMethod
var m = String.class.getMethod("valueOf", Object.class);
System.out.println(m.invoke(null, "x"));
