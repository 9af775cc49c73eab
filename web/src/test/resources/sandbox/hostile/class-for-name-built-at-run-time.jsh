// expect: DENIED java.lang.Class.forName
String name = new StringBuilder("emitnuR.gnal.avaj").reverse().toString();
Class<?> c = Class.forName(name);
System.out.println(c);
