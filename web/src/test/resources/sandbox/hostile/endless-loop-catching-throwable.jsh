// expect: TIMEOUT|KILLED
while (true) {
  try {
    while (true) { }
  } catch (Throwable t) {
    // swallow whatever tries to stop us
  }
}
