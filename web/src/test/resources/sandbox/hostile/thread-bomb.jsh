// expect: KILLED thread limit
while (true) {
  new Thread(() -> {
    try { Thread.sleep(600_000); } catch (InterruptedException e) { }
  }).start();
}
