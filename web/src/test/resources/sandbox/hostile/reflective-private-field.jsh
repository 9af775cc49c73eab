// expect: DENIED java.lang.Class.getDeclaredField
var f = String.class.getDeclaredField("value");
f.setAccessible(true);
