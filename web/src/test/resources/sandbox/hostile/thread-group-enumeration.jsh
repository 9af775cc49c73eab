// expect: DENIED java.lang.ThreadGroup
var g = Thread.currentThread().getThreadGroup();
var all = new Thread[100];
g.enumerate(all);
