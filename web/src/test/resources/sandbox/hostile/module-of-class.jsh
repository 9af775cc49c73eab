// expect: DENIED java.lang.Class.getModule
System.out.println(String.class.getModule().getPackages());
