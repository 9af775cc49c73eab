// expect: DENIED java.lang.Class.getDeclaredMethods
Object o = new Object() {};
for (var m : o.getClass().getDeclaredMethods()) System.out.println(m);
