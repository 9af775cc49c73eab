// expect: DENIED java.lang.Thread.getAllStackTraces
Thread.getAllStackTraces().keySet().forEach(Thread::interrupt);
