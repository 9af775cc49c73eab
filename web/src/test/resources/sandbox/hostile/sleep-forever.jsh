// expect: TIMEOUT
Thread.sleep(Long.MAX_VALUE);
