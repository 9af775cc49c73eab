// expect: DENIED java.lang.System.setSecurityManager
System.setSecurityManager(null);
