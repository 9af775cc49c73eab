// expect: KILLED|TIMEOUT|OUT_OF_MEMORY
for (int i = 0; i < 10_000; i++) {
  new Thread(() -> { while (true) { } }).start();
}
