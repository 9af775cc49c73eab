// expect: DENIED java.lang.management
System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
