// expect: KILLED thread limit
var pool = Executors.newCachedThreadPool();
while (true) pool.submit(() -> { Thread.sleep(600_000); return null; });
