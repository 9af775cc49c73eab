// expect: OK
System.out.println(System.in.read());
