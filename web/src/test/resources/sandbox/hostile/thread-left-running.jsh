// expect: OK
var t = new Thread(() -> { while (true) { } });
t.start();
System.out.println("left a thread spinning");
